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

    int verbosity() {
        return verbose.length;
    }
}
