package dev.jsock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jsock end to end through the CLI on this machine (connection: local): output, exit codes, idempotence. */
class ApplyLocalTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private Run jsock(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path playbook(String yaml) throws IOException {
        Files.writeString(dir.resolve("inventory"), "localhost ansible_connection=local\n");
        Path p = dir.resolve("site.yml");
        Files.writeString(p, yaml.replace("DIR", dir.toString()));
        return p;
    }

    @Test
    void writesAFileThenReportsNoChangeOnTheSecondRun() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: write it
                      copy:
                        content: "hello {{ inventory_hostname }}\\n"
                        dest: DIR/out.txt
                      notify: said hello
                  handlers:
                    - name: said hello
                      debug:
                        msg: handler ran
                """);
        Run first = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString(), "--detailed-exitcodes");
        assertThat(first.code()).as(first.err()).isEqualTo(2);
        assertThat(first.out()).contains("TASK [write it]", "changed: [localhost]", "RUNNING HANDLER [said hello]", "handler ran",
                "localhost                  : ok=2    changed=1    unreachable=0    failed=0");
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("hello localhost\n");
        Run second = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString(), "--detailed-exitcodes");
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("ok: [localhost]").doesNotContain("RUNNING HANDLER");
    }

    @Test
    void aCommaSeparatedHostListIsAnInventory() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  connection: local
                  gather_facts: false
                  tasks:
                    - copy: content="from a host list\\n" dest=DIR/list.txt
                """);
        Run r = jsock("apply", pb.toString(), "-i", "localhost,");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(dir.resolve("list.txt")).hasContent("from a host list");
    }

    @Test
    void whatATaskSeesOfAFileIsNeverStaleAfterSomethingChangedIt() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - stat: path=DIR/f
                      register: before
                    - shell: echo one > DIR/f
                      changed_when: false
                    - stat: path=DIR/f
                      register: after_shell
                    - copy: content="two\\n" dest=DIR/f
                    - stat: path=DIR/f
                      register: after_copy
                    - shell: (sleep 1; touch DIR/late) > /dev/null 2>&1 &
                    - stat: path=DIR/late
                      register: late
                      until: late.stat.exists
                      retries: 20
                      delay: 0.2
                    - assert:
                        that:
                          - not before.stat.exists
                          - after_shell.stat.exists
                          - after_shell.stat.checksum != after_copy.stat.checksum
                          - after_copy.stat.checksum == ('two\\n' | hash('sha1'))
                          - late.stat.exists
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString());
        assertThat(r.code()).as(r.out()).isZero();
    }

    @Test
    void vvvShowsEachRemoteCommandWithSecretsMaskedAndNoLogCommandsHidden() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  gather_facts: false
                  vars:
                    db_password: hunter2-secret
                  tasks:
                    - command: echo visible {{ db_password }}
                    - command: echo hidden-by-no-log
                      no_log: true
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString(), "-vvv");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("<localhost> EXEC ", "echo visible ********", "(command hidden: no_log)");
        assertThat(r.out()).doesNotContain("hunter2-secret", "echo hidden-by-no-log");
    }

    @Test
    void aFailingTaskExitsTwoAndStopsTheHost() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - command: /bin/false
                    - copy: content=never dest=DIR/never.txt
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("fatal: [localhost]: FAILED!", "failed=1");
        assertThat(dir.resolve("never.txt")).doesNotExist();
    }

    @Test
    void checkModeChangesNothingAndDiffShowsTheChange() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - copy: content="new\\n" dest=DIR/f.txt
                """);
        Files.writeString(dir.resolve("f.txt"), "old\n");
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString(), "--check", "--diff");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("-old", "+new", "changed: [localhost]");
        assertThat(Files.readString(dir.resolve("f.txt"))).isEqualTo("old\n");
    }

    @Test
    void jsonReportHasTasksRecapAndExitCode() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: say
                      debug: msg=hi
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"name\": \"say\"", "\"exit_code\": 0", "\"ok\": 1");
    }

    @Test
    void aParseErrorNamesFileAndLineAndExitsFour() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  tasks:
                    - debugg: msg=hi
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("site.yml:3").doesNotContain("at dev.jsock");
    }

    @Test
    void badOptionsExitFiveAndAMissingPlaybookOneAsInAnsible() {
        assertThat(jsock("apply", "--no-such-option", "x.yml").code()).isEqualTo(5);
        assertThat(jsock("apply").code()).isEqualTo(5);
        Run missing = jsock("apply", dir.resolve("missing.yml").toString(), "-i", dir.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("the playbook: " + dir.resolve("missing.yml") + " could not be found");
    }

    @Test
    void versionAndCompletionExitZero() {
        assertThat(jsock("--version").out()).startsWith("jsock ");
        assertThat(jsock("completion").out()).contains("complete");
    }

    @Test
    void renderWritesTemplatesWithoutConnecting() throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/unit.j2"), "[Socket]\nListenStream={{ port }}\n");
        Path pb = playbook("""
                - hosts: all
                  gather_facts: false
                  vars:
                    port: 8080
                  tasks:
                    - template: src=unit.j2 dest=/etc/systemd/system/x.socket
                    - command: systemctl daemon-reload
                """);
        Path out = dir.resolve("out");
        Run r = jsock("render", pb.toString(), "-i", dir.resolve("inventory").toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("localhost/etc/systemd/system/x.socket"))).isEqualTo("[Socket]\nListenStream=8080\n");
        assertThat(r.err()).contains("not evaluated");
    }

    private Path twoHosts(String yaml) throws IOException {
        Path pb = playbook(yaml);
        Files.writeString(dir.resolve("inventory"), "h1 ansible_connection=local\nh2 ansible_connection=local\n");
        return pb;
    }

    @Test
    void serialRunsThePlayOnEachBatchInTurn() throws IOException {
        Path pb = twoHosts("""
                - name: batched
                  hosts: all
                  serial: 1
                  gather_facts: false
                  tasks:
                    - shell: echo {{ inventory_hostname }} >> DIR/order.txt
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().split("PLAY \\[batched]", -1)).hasSize(3);
        assertThat(Files.readString(dir.resolve("order.txt"))).isEqualTo("h1\nh2\n");
    }

    @Test
    void anyErrorsFatalStopsEveryHostAfterOneFails() throws IOException {
        Path pb = twoHosts("""
                - hosts: all
                  any_errors_fatal: true
                  gather_facts: false
                  tasks:
                    - command: /bin/false
                      when: inventory_hostname == 'h1'
                    - shell: echo {{ inventory_hostname }} >> DIR/after.txt
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(dir.resolve("after.txt")).doesNotExist();
    }

    @Test
    void delegateToLocalhostRunsTheModuleThere() throws IOException {
        Path pb = twoHosts("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - copy: content="from {{ inventory_hostname }}\\n" dest=DIR/delegated.txt
                      delegate_to: localhost
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(Files.readString(dir.resolve("delegated.txt"))).isEqualTo("from h1\n");
    }

    @Test
    void environmentReachesTheCommandAsLiteralText() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - shell: printf '%s' "$GREETING" > DIR/env.txt
                      environment:
                        GREETING: "hi $(touch DIR/pwned) 'q'"
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(Files.readString(dir.resolve("env.txt"))).isEqualTo("hi $(touch " + dir + "/pwned) 'q'");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void syntaxCheckAndListingsTouchNoHost() throws IOException {
        Path pb = playbook("""
                - name: p
                  hosts: all
                  gather_facts: false
                  tasks:
                    - name: t1
                      command: /bin/false
                """);
        String inv = dir.resolve("inventory").toString();
        assertThat(jsock("apply", pb.toString(), "-i", inv, "--syntax-check").out()).contains("playbook: " + pb);
        assertThat(jsock("apply", pb.toString(), "-i", inv, "--list-hosts").out()).contains("hosts (1):", "      localhost");
        Run tasks = jsock("apply", pb.toString(), "-i", inv, "--list-tasks");
        assertThat(tasks.code()).isZero();
        assertThat(tasks.out()).contains("      t1\tTAGS: []");
    }

    @Test
    void noLogResultsAndSecretVariablesNeverReachTheOutput() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  gather_facts: false
                  vars:
                    db_password: hunter2-secret
                  tasks:
                    - name: hidden
                      command: echo no-log-value-xyz
                      no_log: true
                    - name: shown
                      command: echo {{ db_password }}
                """);
        for (String mode : List.of("--json", "-v")) {
            Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString(), mode);
            assertThat(r.code()).isZero();
            assertThat(r.out() + r.err()).doesNotContain("no-log-value-xyz").doesNotContain("hunter2-secret").contains("censored");
        }
    }

    @Test
    void startAtTaskRunsNothingBeforeTheNamedTaskNotEvenFactsOfEarlierPlays() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  name: before
                  tasks:
                    - debug: msg=one
                - hosts: all
                  name: holding it
                  gather_facts: false
                  tasks:
                    - debug: msg=two
                    - block:
                        - name: third task
                          debug: msg=three
                      always:
                        - debug: msg=four
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString(), "--start-at-task", "third*");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("PLAY [before]", "PLAY [holding it]", "\"msg\": \"three\"", "\"msg\": \"four\"")
                .doesNotContain("Gathering Facts", "\"msg\": \"one\"", "\"msg\": \"two\"");
    }

    @Test
    void listTagsShowsEveryTagATaskCarriesPerPlay() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  tags: [web]
                  tasks:
                    - debug: msg=a
                      tags: [deploy]
                    - block:
                        - debug: msg=b
                      tags: [always]
                """);
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString(), "--list-tags");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  play #1 (all): all\tTAGS: [web]\n      TASK TAGS: [always, deploy, web]\n");
    }

    @Test
    void connectionOptionsAreDefaultsThatTheInventoryOverrides() throws IOException {
        Path pb = playbook("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - debug: msg="{{ ansible_user }} {{ ansible_become }} {{ ansible_become_user }}"
                """);
        Files.writeString(dir.resolve("inventory"), "localhost ansible_connection=local ansible_user=from-inventory\n");
        Run r = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString(), "-u", "from-cli", "-b", "--become-user", "nobody");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("from-inventory True nobody");
        Run bad = jsock("apply", pb.toString(), "-i", dir.resolve("inventory").toString(), "--become-method", "su");
        assertThat(bad.code()).isEqualTo(5);
        assertThat(bad.err()).contains("--become-method su is not supported");
    }
}
