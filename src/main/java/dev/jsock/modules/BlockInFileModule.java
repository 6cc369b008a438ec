package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.UnreachableException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ansible's blockinfile: a block of lines between two marker lines, inserted, replaced or removed. */
final class BlockInFileModule extends InPlaceEditModule {
    BlockInFileModule() {
        super("blockinfile", Set.of("state", "marker", "block", "content", "insertafter", "insertbefore", "create", "marker_begin", "marker_end"));
    }

    @Override
    TaskResult edit(ModuleContext ctx, ModuleArgs a, String path) throws UnreachableException {
        boolean present = a.choice("state", "present", "absent", "present").equals("present");
        if (a.has("insertbefore") && a.has("insertafter")) throw new ModuleArgs.BadArgument("parameters are mutually exclusive: insertbefore|insertafter");
        InPlaceEditor editor = new InPlaceEditor(ctx);
        InPlaceEditor.Current cur = editor.read(path);
        if (!cur.exists() && !a.bool("create", false)) return TaskResult.failed("Path " + path + " does not exist !", Map.of("rc", 257));
        if (!present && !cur.exists()) {
            String msg = "File " + path + " not present";
            return new TaskResult(TaskResult.Status.OK, msg, Map.of("msg", msg), List.of());
        }
        String block = a.has("block") ? a.str("block") : a.str("content", "");
        String after = a.str("insertafter");
        String before = a.str("insertbefore");
        if (after == null && before == null) after = "EOF";
        LineEdits.Edit edit = LineEdits.blockInFile(cur.text(), new LineEdits.BlockSpec(present, block,
                a.str("marker", "# {mark} ANSIBLE MANAGED BLOCK"), a.str("marker_begin", "BEGIN"), a.str("marker_end", "END"), after, before));
        return editor.finish(path, cur, edit, a, InPlaceEditor.Flavour.BLOCKINFILE, Map.of());
    }
}
