/** Reads Ansible INI and YAML inventories (groups, children, host and group vars, group_vars/ and host_vars/) and selects hosts by pattern. */
package dev.jsock.inventory;
