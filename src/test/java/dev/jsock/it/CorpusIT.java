package dev.jsock.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jsock.cli.Main;
import dev.jsock.lab.LabHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential oracle: every playbook of the corpus runs with ansible-playbook on one lab host
 * and with jsock on a sibling, twice. Both must report the same per-task ok/changed/skipped pattern
 * and recap, leave the same files (bytes, owner, mode) and unit states, and change nothing the
 * second time.
 */
@Tag("lab")
class CorpusIT {
    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LabHost jsockHost;
    private static LabHost ansibleHost;

    @BeforeAll
    static void boot() {
        List<LabHost> hosts = LabTestHosts.hosts();
        jsockHost = hosts.get(LabTestHosts.CORPUS_JSOCK);
        ansibleHost = hosts.get(LabTestHosts.CORPUS_ANSIBLE);
    }

    @TestFactory
    Stream<DynamicTest> eachPlaybookLeavesTheSameStateAsAnsible() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> playbooks = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.yml")).sorted().toList();
            return playbooks.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> compare(p)));
        }
    }

    private void compare(Path playbook) throws Exception {
        Header h = Header.of(playbook);
        // start both hosts from the same state, whatever an earlier run of this test left behind
        HostProbe.reset(jsockHost, h.paths(), h.units());
        HostProbe.reset(ansibleHost, h.paths(), h.units());
        // run 1: per-task pattern and recap from both tools' JSON reports
        JsonNode ansible = runAnsible(playbook, h.args());
        JsonNode jsock = runJsock(playbook, h.args());
        assertThat(Patterns.ofJsock(jsock, jsockHost.name())).as("task pattern of %s", playbook)
                .isEqualTo(Patterns.ofAnsible(ansible, ansibleHost.name()));
        assertThat(Patterns.recapOfJsock(jsock, jsockHost.name())).as("recap")
                .isEqualTo(Patterns.recapOfAnsible(ansible, ansibleHost.name()));
        // run 2: the human output itself must match Ansible's, line for line, and change nothing
        String ansibleText = Patterns.normalise(runAnsibleText(playbook, h.args()), ansibleHost.name());
        String jsockText = Patterns.normalise(runJsockText(playbook, h.args()), jsockHost.name());
        assertThat(jsockText).as("second run output of %s", playbook).isEqualTo(ansibleText);
        if (!h.args().contains("--check")) assertThat(jsockText).as("second run changes nothing").contains("changed=0 ");
        assertThat(HostProbe.fingerprint(jsockHost, h.paths(), h.units()))
                .as("state of %s", playbook).isEqualTo(HostProbe.fingerprint(ansibleHost, h.paths(), h.units()));
        if (h.connectPort() > 0) {
            assertThat(HostProbe.tcpAnswer(jsockHost, h.connectPort())).isEqualTo(h.connectAnswer());
        }
    }

    private JsonNode runAnsible(Path playbook, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ansible-playbook", "-i", LabTestHosts.inventory().toString(), "-l", ansibleHost.name()));
        cmd.addAll(args);
        cmd.add(playbook.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        // our own small JSON callback: ansible-core alone has none (see callback_plugins/jsock_oracle.py)
        pb.environment().put("ANSIBLE_STDOUT_CALLBACK", "jsock_oracle");
        pb.environment().put("ANSIBLE_CALLBACK_PLUGINS", Path.of("src/test/resources/ansible/callback_plugins").toAbsolutePath().toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_HOST_KEY_CHECKING", "False");
        pb.environment().put("ANSIBLE_ROLES_PATH", CORPUS.resolve("roles").toAbsolutePath().toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        return JSON.readTree(out);
    }

    private String runAnsibleText(Path playbook, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ansible-playbook", "-i", LabTestHosts.inventory().toString(), "-l", ansibleHost.name()));
        cmd.addAll(args);
        cmd.add(playbook.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_HOST_KEY_CHECKING", "False");
        pb.environment().put("ANSIBLE_ROLES_PATH", CORPUS.resolve("roles").toAbsolutePath().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private String runJsockText(Path playbook, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("apply", "-i", LabTestHosts.inventory().toString(), "-l", jsockHost.name()));
        cmd.addAll(args);
        cmd.add(playbook.toString());
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out), new PrintWriter(out), cmd.toArray(String[]::new));
        return out.toString();
    }

    private JsonNode runJsock(Path playbook, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("apply", "--json", "-i", LabTestHosts.inventory().toString(), "-l", jsockHost.name()));
        cmd.addAll(args);
        cmd.add(playbook.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.run(new PrintWriter(out), new PrintWriter(err), cmd.toArray(String[]::new));
        assertThat(out.toString()).as("jsock output; stderr: %s", err).isNotBlank();
        return JSON.readTree(out.toString());
    }

    /** What a corpus file says about itself in its leading comments. */
    record Header(List<String> paths, List<String> units, List<String> args, int connectPort, String connectAnswer) {
        static Header of(Path file) throws IOException {
            List<String> paths = new ArrayList<>();
            List<String> units = new ArrayList<>();
            List<String> args = new ArrayList<>();
            int port = 0;
            String answer = null;
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("#")) break;
                String[] kv = line.substring(1).trim().split(":\\s*", 2);
                if (kv.length < 2) continue;
                List<String> words = Arrays.asList(kv[1].trim().split("\\s+"));
                switch (kv[0]) {
                    case "compare" -> paths.addAll(words);
                    case "units" -> units.addAll(words);
                    case "args" -> args.addAll(words);
                    case "connect" -> {
                        port = Integer.parseInt(words.get(0));
                        answer = words.get(1);
                    }
                    default -> { }
                }
            }
            return new Header(paths, units, args, port, answer);
        }
    }
}
