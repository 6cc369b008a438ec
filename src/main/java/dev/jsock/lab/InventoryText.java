package dev.jsock.lab;

import java.util.List;

/**
 * The lab's inventory in Ansible INI syntax. Ansible gets host-key checking off (lab hosts are
 * rebooted clean and share an address range with nothing else); jsock reads {@code jsock_known_hosts}
 * instead and verifies the keys recorded at boot.
 */
final class InventoryText {
    static final String GROUP = "lab";
    static final String KNOWN_HOSTS_VAR = "jsock_known_hosts";

    private InventoryText() {}

    static String render(List<LabHost> hosts, LabLayout layout) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by `jsock lab up`; rewritten on every up. Use: jsock apply PLAYBOOK -i ")
                .append(layout.inventory()).append('\n');
        sb.append('[').append(GROUP).append("]\n");
        for (LabHost h : hosts) {
            sb.append(h.name()).append(" ansible_host=").append(h.address());
            if (h.port() != 22) sb.append(" ansible_port=").append(h.port());
            sb.append('\n');
        }
        sb.append('\n').append('[').append(GROUP).append(":vars]\n");
        sb.append("ansible_user=root\n");
        sb.append("ansible_ssh_private_key_file=").append(layout.privateKey()).append('\n');
        sb.append("ansible_ssh_common_args='-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null'\n");
        sb.append("ansible_python_interpreter=/usr/bin/python3\n");
        sb.append(KNOWN_HOSTS_VAR).append('=').append(layout.knownHosts()).append('\n');
        return sb.toString();
    }
}
