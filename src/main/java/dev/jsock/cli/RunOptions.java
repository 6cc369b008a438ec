package dev.jsock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by commands that run playbooks, named as ansible-playbook names them. */
public final class RunOptions {
    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "Inventory file or directory (repeatable). Default: ./inventory, else the running lab hosts.")
    List<Path> inventories = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, paramLabel = "SUBSET", description = "Further limit hosts to a pattern (web:!db, @retry-file).")
    String limit;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "Extra variables, highest precedence: key=value pairs, YAML/JSON, or @file (repeatable).")
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-t", "--tags"}, paramLabel = "TAGS", split = ",", description = "Only run tasks tagged with these values.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", paramLabel = "TAGS", split = ",", description = "Skip tasks tagged with these values.")
    List<String> skipTags = new ArrayList<>();

    @Option(names = {"-C", "--check"}, description = "Change nothing; report what would change.")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "Show the differences in changed files.")
    boolean diff;

    @Option(names = {"-f", "--forks"}, paramLabel = "N", description = "Hosts handled in parallel (default: ${DEFAULT-VALUE}).")
    int forks = 10;

    @Option(names = {"-r", "--roles-path"}, paramLabel = "DIR", description = "Extra directory to look for roles in (repeatable).")
    List<Path> rolesPath = new ArrayList<>();

    @Option(names = "--json", description = "Write one JSON report to stdout instead of the human output.")
    boolean json;

    @Option(names = "--detailed-exitcodes", description = "Puppet's exit codes for CI: 0 no change, 2 changed, 4 failed, 6 changed and failed.")
    boolean detailedExitCodes;

    @Option(names = {"-v", "--verbose"}, description = "More output: -v results, -vvv every remote command (secrets masked) and stack traces.")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-u", "--user"}, paramLabel = "REMOTE_USER", description = "Connect as this user (an inventory's ansible_user wins).")
    String user;

    @Option(names = {"--private-key", "--key-file"}, paramLabel = "FILE",
            description = "SSH private key (an inventory's ansible_ssh_private_key_file wins).")
    String privateKey;

    @Option(names = {"-c", "--connection"}, paramLabel = "ssh|local", description = "How to reach hosts (an inventory's ansible_connection wins).")
    String connection;

    @Option(names = {"-T", "--timeout"}, paramLabel = "SECONDS", description = "SSH connect timeout (an inventory's ansible_timeout wins).")
    Integer timeout;

    @Option(names = "--ssh-common-args", paramLabel = "ARGS", description = "OpenSSH options jsock understands (-o StrictHostKeyChecking=…, …).")
    String sshCommonArgs;

    @Option(names = {"-b", "--become"}, description = "Run tasks as root through sudo unless a play or task says otherwise.")
    boolean become;

    @Option(names = "--become-user", paramLabel = "USER", description = "The user become switches to (default: root).")
    String becomeUser;

    @Option(names = "--become-method", paramLabel = "sudo", description = "Only sudo is supported.")
    String becomeMethod;

    @Option(names = "--start-at-task", paramLabel = "NAME", description = "Start at the task of this name (or shell pattern).")
    String startAtTask;

    int verbosity() {
        return verbose.length;
    }

    /**
     * The connection options as ansible-playbook applies them: defaults beneath every inventory
     * variable (the variables they stand for, so they follow the same paths as an inventory's).
     */
    java.util.Map<String, Object> connectionDefaults() {
        if (becomeMethod != null && !becomeMethod.equals("sudo")) {
            throw dev.jsock.model.UserError.options("--become-method " + becomeMethod + " is not supported by jsock (only sudo)");
        }
        if (timeout != null && timeout < 1) throw dev.jsock.model.UserError.options("--timeout must be at least 1 second, got " + timeout);
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        if (user != null) d.put("ansible_user", user);
        if (privateKey != null) d.put("ansible_ssh_private_key_file", privateKey);
        if (connection != null) d.put("ansible_connection", connection);
        if (timeout != null) d.put("ansible_timeout", timeout);
        if (sshCommonArgs != null) d.put("ansible_ssh_common_args", sshCommonArgs);
        if (become) d.put("ansible_become", true);
        if (becomeUser != null) d.put("ansible_become_user", becomeUser);
        return d;
    }
}
