/** Reads playbooks, roles and task files from YAML into the model, keeping file:line:column of every key and rejecting unknown keywords. */
package dev.jsock.load;
