/** systemd unit lifecycle: update order, verification, teardown order, manifest and status parsing. */
package dev.jsock.systemd;
