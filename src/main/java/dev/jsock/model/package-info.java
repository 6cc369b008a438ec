/** Immutable values shared by every stage: playbooks, plays, tasks, roles, inventory, results, and source positions for error messages. */
package dev.jsock.model;
