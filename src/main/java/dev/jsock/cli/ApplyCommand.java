package dev.jsock.cli;

import dev.jsock.exec.PlaybookRunner;
import dev.jsock.exec.RunListener;
import dev.jsock.exec.TaskMode;
import dev.jsock.report.HumanReporter;
import dev.jsock.report.JsonReporter;
import dev.jsock.model.Playbook;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Run a playbook against hosts over SSH, like ansible-playbook.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  jsock apply playbooks/webapp.yml --lab",
            "  jsock apply site.yml -i inventory/ -l web -t units -C -D",
            "  jsock apply site.yml -i hosts.ini -e socket_listen_stream=9090 --json > report.json"
        })
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAYBOOK")
    Path playbook;

    @Mixin
    RunOptions options;

    @Mixin
    HostKeyOptions hostKeys;

    @Option(names = "--lab", description = "Run against a local lab host, booting one if none is running.")
    boolean lab;

    @Option(names = "--syntax-check", description = "Only load and check the playbook, its roles and the inventory; touch no host.")
    boolean syntaxCheck;

    @Option(names = "--list-hosts", description = "List the hosts each play would run on, and stop.")
    boolean listHosts;

    @Option(names = "--list-tasks", description = "List the tasks each play would run, and stop.")
    boolean listTasks;

    @Option(names = "--list-tags", description = "List the tags of each play's tasks, and stop.")
    boolean listTags;

    @Option(names = "--prune", description = "Afterwards, tear down every socket in the hosts' jsock manifests that this run did not deploy.")
    boolean prune;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> inventories;
        if (lab) {
            LabAccess.Target target = LabAccess.ensureOne(err);
            inventories = List.of(target.inventory());
            if (options.limit == null) options.limit = target.host();
        } else {
            inventories = Workspace.inventories(options.inventories);
        }
        boolean runs = !(syntaxCheck || listHosts || listTasks || listTags);
        RunSetup setup = new RunSetup(options, playbook, inventories, pb -> pb, runs ? hostKeys.policy() : null);
        if (!runs) {
            if (listHosts) PlaybookListing.hosts(out, playbook.toString(), setup.playbook, setup.inventory, options.limit);
            if (listTasks) PlaybookListing.tasks(out, playbook.toString(), setup.playbook, options.tags, options.skipTags);
            if (listTags) PlaybookListing.tags(out, playbook.toString(), setup.playbook, options.tags, options.skipTags);
            if (syntaxCheck && !listHosts && !listTasks && !listTags) PlaybookListing.syntaxOk(out, playbook.toString());
            out.flush();
            return ExitCodes.OK;
        }
        RunListener listener = options.json
                ? new JsonReporter(out, Clock.systemUTC())
                : new HumanReporter(out, Terminal.colors(), options.verbosity(), options.diff);
        PlaybookRunner runner = setup.runner(listener, TaskMode.LIVE, hostKeys.policy());
        if (!prune) return Interrupts.run(() -> ExitCodes.of(runner.run(setup.playbook), options.detailedExitCodes));
        Path tmp = Files.createTempDirectory("jsock-prune");
        try {
            Path prunePlay = tmp.resolve("prune.yml");
            Files.writeString(prunePlay, TeardownCommand.prunePlay(setup.playbook), StandardCharsets.UTF_8);
            Playbook withPrune = setup.withPlaysOf(prunePlay);
            return Interrupts.run(() -> ExitCodes.of(runner.run(withPrune), options.detailedExitCodes));
        } finally {
            Files.deleteIfExists(tmp.resolve("prune.yml"));
            Files.deleteIfExists(tmp);
        }
    }
}
