package dev.jsock.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.model.Inventory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryLoaderTest {
    private static final Path RES = Path.of("src/test/resources/inventory");

    private static Inventory load(String... sources) {
        return new InventoryLoader().load(java.util.Arrays.stream(sources).map(RES::resolve).toList());
    }

    @Test
    void readsIniValuesAsPythonLiteralsLikeAnsible() {
        Inventory inv = load("hosts.ini");
        // Checked with ansible-inventory --list (ansible-core 2.14).
        assertThat(inv.host("ungrp1").vars()).containsEntry("a", 1).containsEntry("b", "yes").containsEntry("c", true)
                .containsEntry("d", "a b").containsEntry("e", "x y").containsEntry("f", 1.5)
                .containsEntry("g", List.of(1, 2)).containsEntry("h", null).containsEntry("i", 16)
                .containsEntry("j", "010").containsEntry("k", "true");
        assertThat(inv.groups().get("web").vars()).containsEntry("a", 1).containsEntry("b", true).containsEntry("c", "q")
                .containsEntry("d", "yes").containsEntry("e", "spaced value");
    }

    @Test
    void expandsRangesAndReadsPorts() {
        Inventory inv = load("hosts.ini");
        assertThat(inv.groups().get("web").hosts()).containsExactly("web01", "web02", "web03", "h2");
        assertThat(inv.host("h2").vars()).containsEntry("ansible_port", 2222).containsEntry("x", 1);
        assertThat(inv.host("web02").vars()).containsEntry("ansible_host", "1.2.3.4");
    }

    @Test
    void placesGroupsUnderAllAndLonelyHostsInUngrouped() {
        Inventory inv = load("hosts.ini");
        assertThat(inv.groups().get("all").children()).containsExactly("ungrouped", "prod");
        assertThat(inv.groups().get("ungrouped").hosts()).containsExactly("ungrp1");
        assertThat(inv.groups().get("prod").depth()).isEqualTo(1);
        assertThat(inv.groups().get("web").depth()).isEqualTo(2);
        assertThat(inv.host("web01").groups()).containsExactly("all", "prod", "web");
        assertThat(inv.host("ungrp1").groups()).containsExactly("all", "ungrouped");
        assertThat(inv.groupNames("web01")).containsExactly("prod", "web");
    }

    @Test
    void readsYamlInventory() {
        Inventory inv = load("yaml/inv.yml");
        assertThat(inv.groups().get("all").vars()).containsEntry("ntp", "time.example.org");
        assertThat(inv.host("web1").vars()).containsEntry("ansible_host", "10.0.0.11").containsEntry("enabled", true);
        assertThat(inv.host("web2").vars()).containsEntry("ansible_port", 2222);
        assertThat(inv.groups().get("prod").children()).containsExactly("web");
        assertThat(inv.groups().get("web").depth()).isEqualTo(2);
        assertThat(inv.groups()).containsKey("empty");
        assertThat(inv.host("web1").groups()).containsExactly("all", "prod", "web");
    }

    @Test
    void readsDirectorySkippingIgnoredFilesAndAppliesGroupAndHostVarsDirs() {
        Inventory inv = load("dir");
        // Ansible's order for "all": all's own hosts, then its children's breadth first (ansible --list-hosts all)
        assertThat(inv.hosts().keySet()).containsExactly("bastion", "mon1", "mon2", "web1", "web2", "db1");
        assertThat(HostPattern.select(inv, "all")).containsExactly("bastion", "mon1", "mon2", "web1", "web2", "db1");
        assertThat(inv.groups()).doesNotContainKey("skipped");
        // group_vars/web/ files override the inventory's [web:vars], merged in file order
        assertThat(inv.groups().get("web").vars()).isEqualTo(Map.of("http_port", 8080, "from_dir", true, "extra", 1));
        assertThat(inv.groups().get("all").vars()).containsEntry("everyone", true);
        assertThat(inv.host("web1").vars()).containsEntry("role", "back");
        // the only host variables web2 has are where it was found first, as Ansible sets them
        Path first = Path.of("src/test/resources/inventory/dir/10-hosts").toAbsolutePath();
        assertThat(inv.host("web2").vars()).isEqualTo(Map.of("inventory_file", first.toString(), "inventory_dir", first.getParent().toString()));
    }

    @Test
    void acceptsCommaSeparatedHostList() {
        Inventory inv = new InventoryLoader().load(List.of(Path.of("h1,h2,")));
        assertThat(inv.hosts().keySet()).containsExactly("h1", "h2");
        assertThat(inv.groups().get("ungrouped").hosts()).containsExactly("h1", "h2");
    }

    @Test
    void implicitLocalhostRunsLocallyButIsNotInAll() {
        Inventory inv = InventoryLoader.withImplicitLocalhost(load("hosts.ini"), "localhost");
        assertThat(inv.host("localhost").vars()).containsEntry("ansible_connection", "local");
        assertThat(HostPattern.select(inv, "all")).doesNotContain("localhost");
        assertThat(HostPattern.select(inv, "localhost")).containsExactly("localhost");
        assertThat(inv.groupNames("localhost")).isEmpty();
    }

    @Test
    void playbookDirVarsOverrideInventoryVars() {
        Inventory inv = new InventoryLoader().withVarsDirs(load("hosts.ini"), RES.resolve("dir"));
        assertThat(inv.groups().get("web").vars()).containsEntry("http_port", 8080).containsEntry("a", 1);
    }
}
