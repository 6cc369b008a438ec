package dev.jsock.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTextTest {
    @Test
    void listsHostsWithAddressesAndSharedConnectionVars() {
        LabLayout layout = new LabLayout(Path.of("/var/lib/jsock/lab"));
        String inv = InventoryText.render(List.of(LabLayout.host(1), LabLayout.host(2)), layout);
        assertThat(inv).contains("[lab]\njsock-lab-1 ansible_host=10.231.47.11\njsock-lab-2 ansible_host=10.231.47.12\n")
                .contains("[lab:vars]\nansible_user=root\n")
                .contains("ansible_ssh_private_key_file=/var/lib/jsock/lab/id_ed25519\n")
                .contains("ansible_ssh_common_args='-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null'\n")
                .contains("jsock_known_hosts=/var/lib/jsock/lab/known_hosts\n");
    }

    @Test
    void namesAndAddressesAreAFunctionOfTheIndex() {
        assertThat(LabLayout.host(10)).isEqualTo(new LabHost("jsock-lab-10", "10.231.47.20", 22));
        assertThat(LabLayout.address(LabLayout.MAX_HOSTS)).isEqualTo("10.231.47.249");
    }
}
