package dev.jsock.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.model.Play;
import dev.jsock.model.Playbook;
import dev.jsock.model.Role;
import dev.jsock.model.RoleRef;
import dev.jsock.model.Source;
import dev.jsock.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookLoaderTest {
    private static final Path SITE = Path.of("src/test/resources/load/site");
    private static Playbook book;
    private static Play deploy;

    @BeforeAll
    static void load() {
        book = new PlaybookLoader(List.of(), null).load(SITE.resolve("site.yml"));
        deploy = book.plays().get(1);
    }

    private static Task task(String name) {
        return deploy.tasks().stream().filter(t -> name.equals(t.name())).findFirst().orElseThrow();
    }

    @Test
    void expandsImportPlaybookInPlace() {
        assertThat(book.plays()).extracting(Play::displayName).containsExactly("all", "Deploy");
        assertThat(book.plays().get(0).gatherFacts()).isEqualTo(false);
    }

    @Test
    void readsPlayKeywordsAndTypesYesAsBoolean() {
        assertThat(deploy.hosts()).isEqualTo("web:&prod");
        assertThat(deploy.become()).isEqualTo(true);
        assertThat(deploy.vars()).containsEntry("port", 8080).containsEntry("ansible_connection", "local");
        assertThat(deploy.source()).isEqualTo(new Source(SITE.resolve("site.yml").toString(), 2, 3));
    }

    @Test
    void readsPlainVarsFilesNowAndKeepsTemplatedOnesForRunTime() {
        assertThat(deploy.varsFiles()).hasSize(2);
        assertThat(deploy.varsFiles().get(0)).isEqualTo(Map.of("common", true, "port", 80));
        assertThat(deploy.varsFiles().get(1)).isEqualTo("vars/{{ env }}.yml");
    }

    @Test
    void loadsRoleWithDefaultsVarsHandlersParamsAndDependencies() {
        RoleRef ref = deploy.roles().get(0);
        Role app = ref.role();
        assertThat(ref.params()).containsEntry("app_port", 9000);
        assertThat(ref.tags()).containsExactly("app");
        assertThat(app.defaults()).containsEntry("app_port", 8000);
        assertThat(app.vars()).containsEntry("app_user", "app");
        assertThat(app.handlers()).extracting(Task::name).containsExactly("restart app role");
        // meta dependency first, as a block carrying its parameters, its tasks keeping their own role
        Task dep = app.tasks().get(0);
        assertThat(dep.isBlock()).isTrue();
        assertThat(dep.vars()).containsEntry("base_x", 1);
        assertThat(dep.block().get(0).role().name()).isEqualTo("base_role");
        assertThat(dep.block().get(0).role().defaults()).containsEntry("base_x", 0);
        Task main = app.tasks().get(1);
        assertThat(main.displayName()).isEqualTo("app : app main");
        assertThat(main.args()).containsEntry("src", "app.j2").containsEntry("dest", "/etc/app.conf");
        assertThat(main.baseDir()).isEqualTo(app.dir());
    }

    @Test
    void keepsFreeFormCommandTextAndPullsOutItsOptions() {
        assertThat(task("list").action()).isEqualTo("command");
        assertThat(task("list").args()).containsEntry("_raw_params", "ls -l").containsEntry("chdir", "/tmp");
        Task shell = deploy.tasks().get(1);
        assertThat(shell.action()).isEqualTo("shell");
        assertThat(shell.args()).containsExactly(Map.entry("_raw_params", "echo 1\necho 2\n"));
    }

    @Test
    void splitsInlineArgsRespectingQuotes() {
        Task copy = deploy.tasks().get(2);
        assertThat(copy.args()).containsEntry("src", "a").containsEntry("dest", "/etc/x y").containsEntry("mode", "0644");
    }

    @Test
    void importTasksBecomesABlockCarryingItsCondition() {
        Task imp = deploy.tasks().get(3);
        assertThat(imp.isBlock()).isTrue();
        assertThat(imp.when()).containsExactly("port > 0");
        assertThat(imp.block()).extracting(t -> t.args().get("msg")).containsExactly("more");
    }

    @Test
    void includeTasksStaysDynamicAndLoadsAtRunTime() {
        Task inc = deploy.tasks().get(4);
        assertThat(inc.action()).isEqualTo("include_tasks");
        assertThat(inc.args()).containsEntry("_raw_params", "dyn.yml");
        List<Task> tasks = new PlaybookLoader(List.of(), null).loadTasks(SITE.resolve("dyn.yml"), null);
        assertThat(tasks).extracting(Task::action).containsExactly("debug");
    }

    @Test
    void importRoleInlinesTasksFromAndAddsHandlers() {
        Task imp = deploy.tasks().get(5);
        assertThat(imp.block().get(0).block()).extracting(Task::displayName).containsExactly("base_role : base role task");
        assertThat(imp.block().get(1).displayName()).isEqualTo("app : app extra");
        assertThat(deploy.handlers()).extracting(Task::name).containsExactly("restart app", "restart app role");
    }

    @Test
    void withDictLoopsOverKeyValueItems() {
        Task t = deploy.tasks().get(6);
        assertThat(t.loop()).isEqualTo(List.of(Map.of("key", "a", "value", 1), Map.of("key", "b", "value", 2)));
        assertThat(t.loopVar()).isEqualTo("item");
    }

    @Test
    void metaKeepsItsWordAndLocalActionDelegatesToLocalhost() {
        assertThat(deploy.tasks().get(7).args()).containsEntry("_raw_params", "flush_handlers");
        Task local = deploy.tasks().get(8);
        assertThat(local.action()).isEqualTo("command");
        assertThat(local.delegateTo()).isEqualTo("localhost");
        assertThat(local.args()).containsEntry("_raw_params", "echo hi");
    }

    @Test
    void argsKeywordMergesUnderModuleArgs() {
        Task t = task("with args");
        assertThat(t.args()).containsEntry("chdir", "/srv").containsEntry("_raw_params", "echo hi");
        assertThat(t.notifies()).containsExactly("restart app");
        assertThat(t.register()).isEqualTo("out");
        assertThat(t.source().line()).isEqualTo(32);
    }

    @Test
    void handlersKeepListenTopics() {
        assertThat(deploy.handlers().get(0).listen()).containsExactly("app changed");
        assertThat(deploy.handlers().get(0).action()).isEqualTo("systemd");
    }

    @Test
    void loadsRoleAtRunTimeWithFromFiles() {
        Role r = new PlaybookLoader(List.of(), null).loadRole("app", SITE.toAbsolutePath(), Source.of("x.yml"),
                "extra", null, null, null);
        assertThat(r.tasks()).extracting(Task::name).containsExactly(null, "app extra");
    }

    @Test
    void findsRolesInRolesPathsAndBuiltinDir(@TempDir Path tmp) throws Exception {
        Path extra = tmp.resolve("extra");
        Files.createDirectories(extra.resolve("r1/tasks"));
        Files.writeString(extra.resolve("r1/tasks/main.yml"), "- debug: msg=r1\n");
        Files.createDirectories(tmp.resolve("builtin/r2/tasks"));
        Files.writeString(tmp.resolve("builtin/r2/tasks/main.yml"), "- debug: msg=r2\n");
        Files.writeString(tmp.resolve("p.yml"), "- hosts: all\n  roles: [r1, r2]\n");
        Playbook p = new PlaybookLoader(List.of(extra), tmp.resolve("builtin")).load(tmp.resolve("p.yml"));
        assertThat(p.plays().get(0).roles()).extracting(r -> r.role().name()).containsExactly("r1", "r2");
    }

    @Test
    void warnsOnDuplicateKeysAndKeepsTheLast(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("p.yml"), "- hosts: all\n  vars:\n    a: 1\n    a: 2\n");
        PlaybookLoader loader = new PlaybookLoader(List.of(), null);
        Play play = loader.load(tmp.resolve("p.yml")).plays().get(0);
        assertThat(play.vars()).containsEntry("a", 2);
        assertThat(loader.warnings()).singleElement().asString().contains("found a duplicate dict key (a)")
                .contains("line 3, column 5");
    }
}
