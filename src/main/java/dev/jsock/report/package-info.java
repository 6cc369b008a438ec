/** Turns run events into output: Ansible-like text for people and one JSON document for machines. */
package dev.jsock.report;
