package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.UnreachableException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ansible's replace: every match of a Python regexp in a file (or in the part between after and before) replaced. */
final class ReplaceModule extends InPlaceEditModule {
    ReplaceModule() {
        super("replace", Set.of("regexp", "replace", "after", "before", "encoding"));
    }

    @Override
    TaskResult edit(ModuleContext ctx, ModuleArgs a, String path) throws UnreachableException {
        String regexp = a.required("regexp");
        String encoding = a.str("encoding", "utf-8").toLowerCase(java.util.Locale.ROOT).replace("_", "-");
        if (!encoding.equals("utf-8") && !encoding.equals("utf8")) {
            return TaskResult.failed("jsock: the replace module reads UTF-8 files only (encoding: " + a.str("encoding") + ")", Map.of());
        }
        InPlaceEditor editor = new InPlaceEditor(ctx);
        InPlaceEditor.Current cur = editor.read(path);
        if (!cur.exists()) return TaskResult.failed("Path " + path + " does not exist !", Map.of("rc", 257));
        LineEdits.Edit edit = LineEdits.replace(cur.text(), new LineEdits.ReplaceSpec(regexp, a.str("replace", ""), a.str("after"), a.str("before")));
        if (!edit.changed() && edit.msg().startsWith("Pattern for before/after params did not match")) {
            // as Ansible: nothing else is done, attributes included
            return new TaskResult(TaskResult.Status.OK, edit.msg(), Map.of("rc", 0, "msg", edit.msg()), List.of());
        }
        return editor.finish(path, cur, edit, a, InPlaceEditor.Flavour.REPLACE, Map.of("rc", 0));
    }
}
