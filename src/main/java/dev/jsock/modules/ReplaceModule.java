package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.UnreachableException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ansible's replace: every match of a Python regexp in a file (or in the part between after and before) replaced. */
final class ReplaceModule extends BaseModule {
    private static final Set<String> PARAMS = params();

    private static Set<String> params() {
        Set<String> s = new HashSet<>(InPlaceEditor.COMMON);
        s.addAll(Set.of("regexp", "replace", "after", "before", "encoding"));
        return Set.copyOf(s);
    }

    @Override
    public String name() {
        return "replace";
    }

    @Override
    public boolean readOnlyWhenUnchanged() {
        return true;
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        a.allowOnly("replace", PARAMS);
        String path = InPlaceEditor.path(a);
        String regexp = a.required("regexp");
        String encoding = a.str("encoding", "utf-8").toLowerCase(java.util.Locale.ROOT).replace("_", "-");
        if (!encoding.equals("utf-8") && !encoding.equals("utf8")) {
            return TaskResult.failed("jsock: the replace module reads UTF-8 files only (encoding: " + a.str("encoding") + ")", Map.of());
        }
        InPlaceEditor editor = new InPlaceEditor(ctx);
        InPlaceEditor.Current cur;
        try {
            cur = editor.read(path);
        } catch (InPlaceEditor.ReadFailure e) {
            return TaskResult.failed(e.getMessage(), Map.of());
        }
        if (cur.isDir()) return TaskResult.failed("Path " + path + " is a directory !", Map.of("rc", 256));
        if (!cur.exists()) return TaskResult.failed("Path " + path + " does not exist !", Map.of("rc", 257));
        LineEdits.Edit edit;
        try {
            edit = LineEdits.replace(cur.text(), new LineEdits.ReplaceSpec(regexp, a.str("replace", ""), a.str("after"), a.str("before")));
        } catch (IllegalArgumentException e) {
            return TaskResult.failed(e.getMessage(), Map.of());
        }
        if (!edit.changed() && edit.msg().startsWith("Pattern for before/after params did not match")) {
            // as Ansible: nothing else is done, attributes included
            return new TaskResult(TaskResult.Status.OK, edit.msg(), Map.of("rc", 0, "msg", edit.msg()), List.of());
        }
        return editor.finish(path, cur, edit, a, InPlaceEditor.Flavour.REPLACE, Map.of("rc", 0));
    }
}
