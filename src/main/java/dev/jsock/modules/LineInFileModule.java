package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.pyregex.PyRegex;
import dev.jsock.transport.UnreachableException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ansible's lineinfile: one line present (added, or replacing what a regexp or search string finds) or absent. */
final class LineInFileModule extends InPlaceEditModule {
    LineInFileModule() {
        super("lineinfile", Set.of("state", "regexp", "regex", "search_string", "line", "value", "insertafter", "insertbefore",
                "backrefs", "create", "firstmatch"));
    }

    @Override
    TaskResult edit(ModuleContext ctx, ModuleArgs a, String path) throws UnreachableException {
        boolean present = a.choice("state", "present", "absent", "present").equals("present");
        String regexp = a.has("regexp") ? a.str("regexp") : a.str("regex");
        String search = a.str("search_string");
        String line = a.has("line") ? a.str("line") : a.str("value");
        boolean backrefs = a.bool("backrefs", false);
        if (a.has("insertbefore") && a.has("insertafter")) throw new ModuleArgs.BadArgument("parameters are mutually exclusive: insertbefore|insertafter");
        if (regexp != null && search != null) throw new ModuleArgs.BadArgument("parameters are mutually exclusive: regexp|search_string");
        if (backrefs && search != null) throw new ModuleArgs.BadArgument("parameters are mutually exclusive: backrefs|search_string");
        PyRegex re = regexp == null ? null : LineEdits.bytesPattern(regexp, 0);
        InPlaceEditor editor = new InPlaceEditor(ctx);
        InPlaceEditor.Current cur = editor.read(path);
        LineEdits.Edit edit;
        if (present) {
            if (backrefs && regexp == null) return TaskResult.failed("regexp is required with backrefs=true", Map.of());
            if (line == null) return TaskResult.failed("line is required with state=present", Map.of());
            if (!cur.exists() && !a.bool("create", false)) {
                return TaskResult.failed("Destination " + path + " does not exist !", Map.of("rc", 257));
            }
            String after = a.str("insertafter");
            String before = a.str("insertbefore");
            if (after == null && before == null) after = "EOF";
            edit = LineEdits.lineInFilePresent(cur.text(), new LineEdits.LineSpec(re, search, line, after, before, backrefs,
                    a.bool("firstmatch", false)));
        } else {
            if (regexp == null && search == null && line == null) {
                return TaskResult.failed("one of line, search_string, or regexp is required with state=absent", Map.of());
            }
            if (!cur.exists()) return new TaskResult(TaskResult.Status.OK, "file not present", Map.of("msg", "file not present"), List.of());
            edit = LineEdits.lineInFileAbsent(cur.text(), re, search, line);
        }
        return editor.finish(path, cur, edit, a, InPlaceEditor.Flavour.LINEINFILE, Map.of());
    }
}
