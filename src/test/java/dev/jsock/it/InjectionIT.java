package dev.jsock.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that would run commands if any remote command were built by pasting text into a shell —
 * {@code $(…)}, backticks, and quotes that close a quoted word — go through every module argument
 * that reaches the host (copy content and dest, file path, template variables and dest, command
 * argv and command line, systemd unit name, user name, stat path) on jsock-lab-2. Nothing named
 * pwned* appears anywhere on the host, and the literal text arrives where it should.
 */
@Tag("lab")
class InjectionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Whole values: they may contain '/', so they go into file contents and argv. */
    private static final List<String> VALUES = List.of(
            "$(touch /tmp/pwned1)",
            "'; touch /tmp/pwned2; '",
            "`touch /tmp/pwned3`",
            "\"; touch /tmp/pwned4; \"",
            "x && touch /tmp/pwned5 || true");
    /** File-name-safe variants (no '/'): a successful injection would create pwned* in the shell's directory. */
    private static final List<String> NAMES = List.of(
            "n$(touch pwned6)",
            "n'; touch pwned7; '",
            "n`touch pwned8`",
            "n\"; touch pwned9; \"",
            "n;touch pwned10");
    private static final String FIND_PWNED = "find / -xdev -name 'pwned*' 2>/dev/null; true";
    private static FaultIT.Rig rig;

    @TempDir
    Path dir;

    @BeforeAll
    static void boot() {
        rig = FaultIT.Rig.boot();
    }

    @Test
    void nothingSmuggledInAValueExecutesAndTheLiteralTextArrives() throws Exception {
        String d = rig.freshDir("inject");
        HostProbe.ssh(rig.two(), "rm -f /tmp/pwned* /root/pwned*; mkdir " + d + "/copy " + d + "/touch " + d + "/tpl");
        Files.writeString(dir.resolve("t.j2"), "value={{ item }}\n");
        Files.writeString(dir.resolve("u.j2"), "value={{ evil[item] }}\n");
        Path vars = dir.resolve("vars.json");
        Files.writeString(vars, JSON.writeValueAsString(java.util.Map.of("evil", VALUES, "names", NAMES)));
        Path pb = dir.resolve("inject.yml");
        Files.writeString(pb, """
                - hosts: jsock-lab-2
                  gather_facts: false
                  vars_files: [vars.json]
                  tasks:
                    - name: copy content
                      copy: {content: "{{ evil[item] }}", dest: "D/content-{{ item }}"}
                      loop: "{{ range(0, evil | length) | list }}"
                    - name: copy dest
                      copy: {content: "literal\\n", dest: "D/copy/{{ item }}"}
                      loop: "{{ names }}"
                    - name: file directory
                      file: {path: "D/dirs/{{ item }}", state: directory}
                      loop: "{{ names }}"
                    - name: file touch
                      file: {path: "D/touch/{{ item }}", state: touch}
                      loop: "{{ names }}"
                    - name: template vars and dest
                      template: {src: T, dest: "D/tpl/{{ item }}"}
                      loop: "{{ names }}"
                    - name: template content
                      template: {src: U, dest: "D/tpl-content-{{ item }}"}
                      loop: "{{ range(0, evil | length) | list }}"
                    - name: command argv
                      command: {argv: [/bin/echo, "{{ item }}"]}
                      loop: "{{ evil }}"
                      register: argv
                    - name: command line with quote filter
                      command: "/bin/echo {{ item | quote }}"
                      loop: "{{ evil }}"
                      register: line
                    - name: stat path
                      stat: {path: "D/{{ item }}"}
                      loop: "{{ names }}"
                    - name: systemd unit name
                      systemd: {name: "{{ item }}", state: stopped}
                      loop: "{{ names }}"
                      ignore_errors: true
                    - name: user name
                      user: {name: "{{ item }}", system: true}
                      loop: "{{ names }}"
                      ignore_errors: true
                    - name: file owner
                      file: {path: "D/content-0", owner: "{{ item }}"}
                      loop: "{{ names }}"
                      ignore_errors: true
                """.replace("D", d).replace(" T,", " " + dir.resolve("t.j2") + ",").replace(" U,", " " + dir.resolve("u.j2") + ","));

        FaultIT.Run r = rig.jsock(dir, "", "apply", "--json", pb.toString());

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(HostProbe.ssh(rig.two(), FIND_PWNED)).as("nothing executed").isBlank();
        for (int i = 0; i < VALUES.size(); i++) {
            assertThat(HostProbe.ssh(rig.two(), "cat " + d + "/content-" + i)).isEqualTo(VALUES.get(i));
            assertThat(HostProbe.ssh(rig.two(), "cat " + d + "/tpl-content-" + i)).isEqualTo("value=" + VALUES.get(i) + "\n");
        }
        for (String sub : List.of("copy", "dirs", "touch", "tpl")) {
            assertThat(HostProbe.ssh(rig.two(), "ls -1 " + d + "/" + sub).lines().toList())
                    .as("names in %s", sub).containsExactlyInAnyOrderElementsOf(NAMES);
        }
        JsonNode tasks = JSON.readTree(r.out()).get("plays").get(0).get("tasks");
        assertThat(echoed(tasks, "command argv")).isEqualTo(VALUES);
        assertThat(echoed(tasks, "command line with quote filter")).isEqualTo(VALUES);
        assertThat(HostProbe.ssh(rig.two(), "getent passwd | cut -d: -f1 | grep -E '^n[^a-z]' ; true")).as("no odd user").isBlank();
    }

    private static List<String> echoed(JsonNode tasks, String name) {
        for (JsonNode t : tasks) {
            if (!t.get("name").asText().equals(name)) continue;
            List<String> out = new ArrayList<>();
            for (JsonNode item : t.get("hosts").get("jsock-lab-2").get("items")) out.add(item.get("result").get("stdout").asText());
            return out;
        }
        throw new AssertionError("no task " + name);
    }
}
