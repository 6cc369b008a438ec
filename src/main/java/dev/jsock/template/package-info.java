/** Jinja templating configured to behave like Ansible: Python-style values, Ansible filters and tests, strict undefined variables. */
package dev.jsock.template;
