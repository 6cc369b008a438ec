package dev.jsock.modules;

import static dev.jsock.modules.Ctx.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.model.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecursiveAttrsTest {
    @TempDir
    Path dir;

    @Test
    void findsRecordsHoldAnyFileNameAndSymbolicModesApplyPerEntry() {
        List<RecursiveAttrs.Entry> entries = RecursiveAttrs.parse(
                "d|700|root|root|0|0|/t/a\0f|755|root|root|0|0|/t/we|ird\nname\0l|777|root|root|0|0|/t/lnk\0");
        assertThat(entries).extracting(RecursiveAttrs.Entry::path).containsExactly("/t/a", "/t/we|ird\nname", "/t/lnk");
        RecursiveAttrs.Plan plan = RecursiveAttrs.plan(entries, List.of(), Set.of("/t/lnk"),
                new FileAttrs(null, null, ModeSpec.parse("u=rwX,g=rX,o=")));
        // the directory keeps its x bits (X), the executable file too; a link never gets a mode
        assertThat(plan.chmod()).isEqualTo(Map.of(0750, List.of("/t/a", "/t/we|ird\nname")));
        assertThat(plan.chown()).isEmpty();
    }

    @Test
    void aLinksTargetIsChangedThroughTheLinkAndADanglingOneIsLeft() {
        List<RecursiveAttrs.Entry> entries = RecursiveAttrs.parse("l|777|root|root|0|0|/t/lnk\0l|777|root|root|0|0|/t/gone\0");
        List<RecursiveAttrs.Entry> through = RecursiveAttrs.parse("f|644|root|root|0|0|/t/lnk\0l|777|root|root|0|0|/t/gone\0");
        RecursiveAttrs.Plan plan = RecursiveAttrs.plan(entries, through, Set.of("/t/lnk", "/t/gone"), new FileAttrs("nobody", null, null));
        assertThat(plan.chown()).containsExactly("/t/lnk", "/t/gone");
        assertThat(plan.chownTargets()).containsExactly("/t/lnk");
    }

    @Test
    void recurseChangesOnlyWhatDiffersAndThenReportsNoChange() throws Exception {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a"));
        Files.writeString(tree.resolve("a/f"), "x");
        Files.setPosixFilePermissions(tree.resolve("a/f"), PosixFilePermissions.fromString("rwxrwxrwx"));
        FileModule file = new FileModule();
        Map<String, Object> wish = args("path", tree.toString(), "state", "directory", "recurse", true, "mode", "u=rwX,go=rX");
        assertThat(new Ctx(dir).check().run(file, wish).status()).isEqualTo(TaskResult.Status.CHANGED);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tree.resolve("a/f")))).isEqualTo("rwxrwxrwx");
        assertThat(new Ctx(dir).run(file, wish).status()).isEqualTo(TaskResult.Status.CHANGED);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tree.resolve("a/f")))).isEqualTo("rwxr-xr-x");
        assertThat(new Ctx(dir).run(file, wish).status()).isEqualTo(TaskResult.Status.OK);
    }
}
