package dev.jsock.modules;

import static dev.jsock.modules.Ctx.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jsock.model.TaskResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stat, template, wait_for, uri and the registry against the local machine. */
class SmallModulesTest {
    @TempDir
    Path dir;

    @Test
    void registryFindsShortAliasedAndQualifiedNames() {
        ModuleRegistry reg = new ModuleRegistry();
        assertThat(reg.find("copy")).get().extracting(Module::name).isEqualTo("copy");
        assertThat(reg.find("ansible.builtin.systemd_service")).get().extracting(Module::name).isEqualTo("systemd");
        assertThat(reg.find("service")).get().extracting(Module::name).isEqualTo("systemd");
        assertThat(reg.find("package")).get().extracting(Module::name).isEqualTo("apt");
        assertThat(reg.find("ansible.legacy.shell")).get().extracting(Module::name).isEqualTo("shell");
        assertThat(reg.find("nosuchmodule")).isEmpty();
    }

    @Test
    void statReportsFileFacts() throws Exception {
        Path f = Files.writeString(dir.resolve("s"), "");
        TaskResult r = new Ctx(dir).run(new StatModule(), args("path", f.toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> stat = (Map<String, Object>) r.data().get("stat");
        assertThat(stat).containsEntry("exists", true).containsEntry("isreg", true).containsEntry("isdir", false)
                .containsEntry("checksum", "da39a3ee5e6b4b0d3255bfef95601890afd80709").containsEntry("size", 0L)
                .containsEntry("path", f.toString()).containsKeys("mode", "uid", "gid", "pw_name", "gr_name", "mtime");
        TaskResult missing = new Ctx(dir).run(new StatModule(), args("path", dir.resolve("nx").toString()));
        assertThat(missing.data()).isEqualTo(Map.of("stat", Map.of("exists", false)));
    }

    @Test
    void templateRendersThenWritesOnce() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/u.j2"), "value={{ x }}\n");
        Path dest = dir.resolve("u.conf");
        TemplateModule t = new TemplateModule();
        assertThat(new Ctx(dir).run(t, args("src", "u.j2", "dest", dest.toString())).changed()).isTrue();
        assertThat(Files.readString(dest)).isEqualTo("value=rendered\n");
        assertThat(new Ctx(dir).run(t, args("src", "u.j2", "dest", dest.toString())).changed()).isFalse();
        assertThat(new Ctx(dir).run(t, args("dest", dest.toString())).msg()).isEqualTo("src and dest are required");
        assertThat(new Ctx(dir).run(t, args("src", "nx.j2", "dest", dest.toString())).msg()).startsWith("Could not find or access 'nx.j2' on the Ansible Controller.");
    }

    @Test
    void waitForSeesAnOpenPortAndTimesOutOnAClosedOne() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            TaskResult open = new Ctx(dir).run(new WaitForModule(), args("port", s.getLocalPort(), "timeout", 5));
            assertThat(open.status()).isEqualTo(TaskResult.Status.OK);
            assertThat(open.data()).containsEntry("port", s.getLocalPort()).containsEntry("state", "started");
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        TaskResult r = new Ctx(dir).run(new WaitForModule(), args("port", closed, "timeout", 1));
        assertThat(r.msg()).isEqualTo("Timeout when waiting for 127.0.0.1:" + closed);
        TaskResult gone = new Ctx(dir).run(new WaitForModule(), args("path", dir.resolve("nx").toString(), "state", "absent", "timeout", 1));
        assertThat(gone.status()).isEqualTo(TaskResult.Status.OK);
    }

    @Test
    void uriChecksStatusAndReturnsContent() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/") ? 200 : 404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            TaskResult ok = new Ctx(dir).run(new UriModule(), args("url", base + "/", "return_content", true));
            assertThat(ok.status()).isEqualTo(TaskResult.Status.OK);
            assertThat(ok.data()).containsEntry("status", 200).containsEntry("content", "hello");
            TaskResult nf = new Ctx(dir).run(new UriModule(), args("url", base + "/x"));
            assertThat(nf.msg()).isEqualTo("Status code was 404 and not [200]: HTTP Error 404: Not Found");
            TaskResult listed = new Ctx(dir).run(new UriModule(), args("url", base + "/x", "status_code", List.of(200, 404)));
            assertThat(listed.failed()).isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aptLeavesAnInstalledPackageAloneAndRemovalInCheckModeChangesNothing() {
        assertThat(new Ctx(dir).run(new AptModule(), args("name", "bash")).status()).isEqualTo(TaskResult.Status.OK);
        assertThat(new Ctx(dir).check().run(new AptModule(), args("name", List.of("coreutils"), "state", "absent")).changed()).isTrue();
        assertThat(new Ctx(dir).run(new AptModule(), args("name", "bash;id")).msg()).isEqualTo("invalid package name: bash;id");
    }

    @Test
    void modeSpecsFollowChmod() {
        assertThat(ModeSpec.parse("u=rw,g=r,o=r").apply(0777, false)).isEqualTo(0644);
        assertThat(ModeSpec.parse("g+w,o-r").apply(0644, false)).isEqualTo(0660);
        assertThat(ModeSpec.parse("a+X").apply(0644, true)).isEqualTo(0755);
        assertThat(ModeSpec.parse(420).apply(0, false)).isEqualTo(0644);
        assertThat(ModeSpec.parse("0640").apply(0, false)).isEqualTo(0640);
    }

    @Test
    void shlexSplitsLikePython() {
        assertThat(Shlex.split("a 'b c' \"d \\\"e\\\"\" f\\ g")).containsExactly("a", "b c", "d \"e\"", "f g");
        assertThat(Shlex.split("x=''")).containsExactly("x=");
    }

    @Test
    void parsersReadRecordedOutput() {
        assertThat(AptModule.parseInstalled("bash installed\ncurl not-installed\n")).containsExactly("bash");
        assertThat(GroupModule.parseGid("web:x:995:\n")).isEqualTo(995);
        assertThat(GroupModule.parseGid("")).isNull();
        UserModule.Account a = UserModule.parse("web:x:999:995::/home/web:/usr/sbin/nologin\ngroups=web adm sock\n");
        assertThat(a.shell()).isEqualTo("/usr/sbin/nologin");
        assertThat(a.primaryGroup()).isEqualTo("web");
        assertThat(a.groups()).containsExactly("adm", "sock");
    }

    @Test
    void pingRawAndSlurpAnswerAsAnsiblesDo() throws Exception {
        Ctx ctx = new Ctx(dir);
        assertThat(ctx.run(new HostProbeModules.Ping(), args()).data()).containsEntry("ping", "pong");
        TaskResult raw = ctx.run(new HostProbeModules.Raw(), args("_raw_params", "echo hi; exit 3"));
        assertThat(raw.failed()).isTrue();
        assertThat(raw.msg()).isEqualTo("non-zero return code");
        assertThat(raw.data()).containsEntry("rc", 3).containsEntry("stdout_lines", List.of("hi"));
        Path f = Files.writeString(dir.resolve("slurped"), "x\n");
        assertThat(ctx.run(new HostProbeModules.Slurp(), args("src", f.toString())).data())
                .containsEntry("content", "eAo=").containsEntry("encoding", "base64").containsEntry("source", f.toString());
        assertThat(ctx.run(new HostProbeModules.Slurp(), args("src", dir.resolve("none").toString())).msg())
                .isEqualTo("file not found: " + dir.resolve("none"));
    }
}
