/** Connections to hosts (SSH via sshj, local): run a command with stdin, host-key policy, shell quoting. Only this package imports sshj. */
package dev.jsock.transport;
