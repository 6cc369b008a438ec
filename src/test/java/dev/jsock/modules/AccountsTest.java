package dev.jsock.modules;

import static dev.jsock.modules.Ctx.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.LocalConnection;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** user and group for real on this machine (tests run as root), with names no one else uses, removed afterwards. */
class AccountsTest {
    @TempDir
    Path dir;

    private final String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));
    private final String group = "jskg" + suffix;
    private final String user = "jsku" + suffix;

    @AfterEach
    void removeAccounts() throws Exception {
        try (LocalConnection c = new LocalConnection("localhost")) {
            c.exec("userdel " + user + " 2>/dev/null; groupdel " + group + " 2>/dev/null; groupdel " + user + " 2>/dev/null; true");
        }
    }

    @Test
    void systemGroupAndUserAreCreatedOnceAndRemoved() {
        Ctx ctx = new Ctx(dir);
        assertThat(ctx.run(new GroupModule(), args("name", group, "system", true)).changed()).isTrue();
        assertThat(ctx.run(new GroupModule(), args("name", group, "system", true)).changed()).isFalse();

        var wish = args("name", user, "system", true, "shell", "/usr/sbin/nologin", "create_home", false, "groups", group);
        TaskResult created = ctx.run(new UserModule(), wish);
        assertThat(created.changed()).isTrue();
        assertThat(created.data()).containsEntry("shell", "/usr/sbin/nologin").containsEntry("groups", group);
        assertThat(ctx.run(new UserModule(), wish).changed()).isFalse();
        assertThat(ctx.check().run(new UserModule(), args("name", user, "shell", "/bin/sh")).changed()).isTrue();

        assertThat(ctx.run(new UserModule(), args("name", user, "state", "absent")).changed()).isTrue();
        assertThat(ctx.run(new UserModule(), args("name", user, "state", "absent")).changed()).isFalse();
        assertThat(ctx.run(new GroupModule(), args("name", group, "state", "absent")).changed()).isTrue();
    }

    @Test
    void hostileNamesAreRefusedByUseraddNotRunByTheShell() {
        Path pwned = dir.resolve("pwned");
        TaskResult r = new Ctx(dir).run(new UserModule(), args("name", "x$(touch " + pwned + ")"));
        assertThat(r.failed()).isTrue();
        assertThat(pwned).doesNotExist();
    }
}
