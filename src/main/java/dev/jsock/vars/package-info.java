/** Variable scopes and Ansible precedence for one host and task; pure, no I/O beyond what the loader already read. */
package dev.jsock.vars;
