package dev.jsock.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jsock.cli.Main;
import dev.jsock.lab.LabHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The example playbooks on a real lab host, driven by jsock, each checked with a real client:
 * deploy, answer, no change on re-apply, the port move that a naive restart gets wrong, verify and
 * start failures that keep the old version serving, Accept=yes concurrency, Unix socket
 * permissions, idle stop, and a teardown that leaves nothing.
 */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExamplesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LabHost host;

    @BeforeAll
    static void boot() throws Exception {
        host = LabTestHosts.hosts().get(LabTestHosts.examplesIndex());
        // start clean whatever an earlier run left
        jsock("teardown", "playbooks/teardown.yml");
    }

    private record Run(int code, JsonNode report, String err) {
        int changed() {
            return report.path("stats").path(host.name()).path("changed").asInt(-1);
        }
    }

    private static Run jsock(String command, String playbook, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(command, playbook, "--json", "-i", LabTestHosts.inventory().toString(), "-l", host.name()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        JsonNode report = out.toString().isBlank() ? JSON.createObjectNode() : JSON.readTree(out.toString());
        return new Run(code, report, err + out.toString());
    }

    private static String http(int port) throws Exception {
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + host.address() + ":" + port + "/")).timeout(Duration.ofSeconds(10)).build();
        return c.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean closed(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host.address(), port), 3000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String echo(int port, String text) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host.address(), port), 5000);
            s.setSoTimeout(10000);
            OutputStream out = s.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(1)
    void webappAnswersAndASecondApplyChangesNothing() throws Exception {
        Run first = jsock("apply", "playbooks/webapp.yml");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(http(8080)).isEqualTo("hello from webapp\n");
        assertThat(HostProbe.ssh(host, "stat -c '%a %U %G' /etc/systemd/system/webapp.socket /etc/systemd/system/webapp.service /var/lib/jsock/webapp.json"))
                .as("unit files 0644 root:root, manifest 0600").isEqualTo("644 root root\n644 root root\n600 root root\n");
        Run second = jsock("apply", "playbooks/webapp.yml");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.changed()).isZero();
        // -vvv lists every remote command: an unchanged run reads the host's state in a few batched
        // commands (2 here, plus the run lock: files, the account and the unit are read together),
        // not one per task; a very slow host can add one or two when the 5 s age limit expires
        StringWriter traced = new StringWriter();
        int code = Main.run(new PrintWriter(traced), new PrintWriter(traced), "apply", "playbooks/webapp.yml", "-vvv",
                "-i", LabTestHosts.inventory().toString(), "-l", host.name());
        assertThat(code).as(traced.toString()).isZero();
        long commands = traced.toString().lines().filter(l -> l.startsWith("<" + host.name() + "> EXEC ")).count();
        assertThat(commands).as(traced.toString()).isBetween(1L, 4L);
    }

    @Test
    @Order(2)
    void statusShowsTheListenerItsStateAndActivations() throws Exception {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(out), "status", "webapp", "--json", "-i",
                LabTestHosts.inventory().toString(), "-l", host.name());
        assertThat(code).as(out.toString()).isZero();
        JsonNode socket = JSON.readTree(out.toString()).path("sockets").get(0);
        assertThat(socket.path("socket").asText()).isEqualTo("webapp.socket");
        assertThat(socket.path("listen").toString()).contains("8080");
        assertThat(socket.path("active").asText()).startsWith("active");
        assertThat(socket.path("enabled").asText()).isEqualTo("enabled");
        assertThat(socket.path("service_state").asText()).isEqualTo("active");
        StringWriter table = new StringWriter();
        Main.run(new PrintWriter(table), new PrintWriter(table), "status", "-i", LabTestHosts.inventory().toString(), "-l", host.name());
        assertThat(table.toString()).contains("HOST", "webapp.socket", "enabled");
    }

    @Test
    @Order(3)
    void changingThePortOfARunningWebappMovesTheListener() throws Exception {
        assertThat(http(8080)).isEqualTo("hello from webapp\n"); // the service is running now
        Run moved = jsock("apply", "playbooks/webapp.yml", "-e", "socket_listen_stream=8090");
        assertThat(moved.code()).as(moved.err()).isZero();
        assertThat(http(8090)).isEqualTo("hello from webapp\n");
        assertThat(closed(8080)).as("old port closed").isTrue();
    }

    @Test
    @Order(4)
    void aUnitThatFailsVerifyIsNeverInstalledAndTheOldOneKeepsServing() throws Exception {
        Run broken = jsock("apply", "playbooks/webapp.yml", "-e", "socket_listen_stream=8090",
                "-e", "socket_exec_start=/nonexistent/bin/webapp");
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("verify");
        assertThat(HostProbe.ssh(host, "grep -c nonexistent /etc/systemd/system/webapp.service || true").trim()).isEqualTo("0");
        assertThat(http(8090)).isEqualTo("hello from webapp\n");
    }

    @Test
    @Order(5)
    void aServiceThatFailsToStartIsRolledBackAndTheOldVersionAnswers() throws Exception {
        Run failing = jsock("apply", "playbooks/webapp.yml", "-e", "socket_listen_stream=8090",
                "-e", "{\"socket_exec_start\": \"/usr/bin/python3 -c 'import sys; sys.exit(3)'\"}");
        assertThat(failing.code()).isEqualTo(2);
        assertThat(HostProbe.ssh(host, "grep -c 'sys.exit' /etc/systemd/system/webapp.service || true").trim()).isEqualTo("0");
        assertThat(http(8090)).isEqualTo("hello from webapp\n");
    }

    @Test
    @Order(6)
    void acceptYesEchoGivesEachOfTwentyConcurrentClientsItsOwnBytes() throws Exception {
        Run r = jsock("apply", "playbooks/echo.yml");
        assertThat(r.code()).as(r.err()).isZero();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String text = "client-" + i + "-" + "x".repeat(i * 10) + "\n";
                answers.add(pool.submit(() -> echo(7007, text)));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(answers.get(i).get()).isEqualTo("client-" + i + "-" + "x".repeat(i * 10) + "\n");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jsock("apply", "playbooks/echo.yml").changed()).isZero();
    }

    @Test
    @Order(7)
    void unixSocketHasExactlyTheAskedPermissionsAndRefusesOutsiders() throws Exception {
        Run r = jsock("apply", "playbooks/unix-socket.yml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(HostProbe.ssh(host, "stat -c '%U %G %a %F' /run/jsock-demo/demo.sock").trim()).isEqualTo("root jsockdemo 660 socket");
        String client = "python3 -c \"import socket; s=socket.socket(socket.AF_UNIX); s.connect('/run/jsock-demo/demo.sock'); print(s.recv(100).decode().strip())\"";
        assertThat(HostProbe.ssh(host, "runuser -u jsockdemo-client -- " + client).trim()).isEqualTo("hello from demo.sock");
        assertThat(HostProbe.ssh(host, "runuser -u nobody -- " + client + " 2>&1 || true")).contains("PermissionError");
        assertThat(jsock("apply", "playbooks/unix-socket.yml").changed()).isZero();
    }

    @Test
    @Order(8)
    void idleStopProxyAndBackendStopWhenIdleAndStartOnTheNextRequest() throws Exception {
        Run r = jsock("apply", "playbooks/idle-proxy.yml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(http(8081)).isNotEmpty();
        String states = "";
        for (int i = 0; i < 40; i++) {
            states = HostProbe.ssh(host, "systemctl is-active idleweb-proxy.service idleweb.service || true").trim();
            if (states.equals("inactive\ninactive")) break;
            Thread.sleep(1000);
        }
        assertThat(states).as("proxy and backend after the idle time").isEqualTo("inactive\ninactive");
        assertThat(http(8081)).isNotEmpty();
        assertThat(jsock("apply", "playbooks/idle-proxy.yml").changed()).isZero();
    }

    @Test
    @Order(9)
    void teardownLeavesNothingAndASecondTeardownChangesNothing() throws Exception {
        Run r = jsock("teardown", "playbooks/teardown.yml");
        assertThat(r.code()).as(r.err()).isZero();
        String left = HostProbe.ssh(host, String.join("; ",
                "ls /etc/systemd/system | grep -E '^(webapp|echo|demo|idleweb)' || true",
                "ls /etc/systemd/system/sockets.target.wants | grep -E '^(webapp|echo|demo|idleweb)' || true",
                "ls /var/lib/jsock 2>/dev/null | grep -E '^(webapp|echo|demo|idleweb)' || true",
                "ls /run/jsock-demo/demo.sock 2>/dev/null || true",
                "systemctl list-units --all --plain --no-legend 'webapp*' 'echo*' 'demo*' 'idleweb*' | grep -v not-found || true"));
        assertThat(left.trim()).isEmpty();
        assertThat(closed(8090)).isTrue();
        assertThat(closed(7007)).isTrue();
        Run again = jsock("teardown", "playbooks/teardown.yml");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.changed()).isZero();
    }

    @Test
    @Order(10)
    void applyWithPruneRemovesSocketsThePlaybookNoLongerDeploys() throws Exception {
        assertThat(jsock("apply", "playbooks/echo.yml").code()).isZero();
        Run pruned = jsock("apply", "playbooks/webapp.yml", "--prune");
        assertThat(pruned.code()).as(pruned.err()).isZero();
        assertThat(HostProbe.ssh(host, "ls /var/lib/jsock").trim()).isEqualTo("webapp.json");
        assertThat(closed(7007)).isTrue();
        assertThat(http(8080)).isEqualTo("hello from webapp\n");
        assertThat(jsock("teardown", "playbooks/teardown.yml").code()).isZero();
    }

    @Test
    @Order(11)
    void aPortAlreadyInUseIsRolledBackAndTheOldListenerKeepsServing() throws Exception {
        assertThat(jsock("apply", "playbooks/webapp.yml").code()).isZero();
        Run taken = jsock("apply", "playbooks/webapp.yml", "-e", "socket_listen_stream=22"); // sshd holds it
        assertThat(taken.code()).isEqualTo(2);
        assertThat(HostProbe.ssh(host, "grep -c 'ListenStream=22$' /etc/systemd/system/webapp.socket || true").trim()).isEqualTo("0");
        assertThat(http(8080)).isEqualTo("hello from webapp\n");
        assertThat(jsock("teardown", "playbooks/teardown.yml").code()).isZero();
    }
}
