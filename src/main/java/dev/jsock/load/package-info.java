/**
 * Reads playbooks, roles and task files from YAML into the model, keeping file:line:column of every key and
 * rejecting unknown keywords. Conventions the later stages rely on: free-form module text is in
 * args "_raw_params"; import_tasks / import_role / role dependencies become blocks; Play.varsFiles holds a
 * Map (file already read) or a String (templated name, read at run time); Task.role is the role's identity
 * (name, dir, defaults, vars) without its task lists.
 */
package dev.jsock.load;
