package dev.jsock.cli;

import dev.jsock.exec.RunListener;
import dev.jsock.exec.TaskMode;
import dev.jsock.model.TaskResult;
import dev.jsock.model.UserError;
import dev.jsock.transport.HostKeyPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render every template/copy destination of a playbook without connecting to any host.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  jsock render playbooks/webapp.yml -i inventory/lab",
            "  jsock render site.yml -i hosts.ini --host web1 -o out/   # out/web1/etc/systemd/system/…"
        })
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAYBOOK")
    Path playbook;

    @Mixin
    RunOptions options;

    @Option(names = "--host", paramLabel = "HOST", description = "Only this host.")
    String host;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write files under DIR/HOST/<dest> instead of printing them.")
    Path outputDir;

    /** A rendered destination. */
    private record Rendered(String host, String dest, String content) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (host != null) options.limit = options.limit == null ? host : options.limit + ":&" + host;
        RunSetup setup = new RunSetup(options, playbook, Workspace.inventories(options.inventories));
        List<Rendered> files = new ArrayList<>();
        Map<String, List<String>> notEvaluated = new LinkedHashMap<>();
        TaskMode capture = new TaskMode() {
            @Override
            public boolean live() {
                return false;
            }

            @Override
            public synchronized void captured(String h, String dest, String content) {
                files.add(new Rendered(h, dest, content));
            }
        };
        RunListener problems = new RunListener() {
            @Override
            public synchronized void hostResult(String h, String task, TaskResult r, Object item, boolean ignored, boolean noLog) {
                if (r.status() == TaskResult.Status.FAILED && !ignored) err.println("ERROR! [" + h + "] " + task + ": " + r.msg());
                if (r.status() == TaskResult.Status.SKIPPED && r.msg().startsWith("not evaluated")) {
                    notEvaluated.computeIfAbsent(h, k -> new ArrayList<>()).add(task);
                }
            }
        };
        int code = setup.runner(problems, capture, HostKeyPolicy.YES).run(setup.playbook).exitCode();
        for (Rendered f : files) write(f, out);
        for (Map.Entry<String, List<String>> e : notEvaluated.entrySet()) {
            err.println("[" + e.getKey() + "] not evaluated (need the host): " + String.join(", ", e.getValue()));
        }
        out.flush();
        return code;
    }

    private void write(Rendered f, PrintWriter out) {
        if (outputDir == null) {
            out.println("# " + f.host() + ": " + f.dest());
            out.print(f.content());
            if (!f.content().endsWith("\n")) out.println();
            return;
        }
        Path target = outputDir.resolve(f.host()).resolve(f.dest().replaceFirst("^/+", "")).normalize();
        if (!target.startsWith(outputDir.resolve(f.host()).normalize())) {
            throw UserError.options("refusing to write outside " + outputDir + ": " + f.dest());
        }
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.content(), StandardCharsets.UTF_8);
            out.println(target);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.GENERAL, null, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
