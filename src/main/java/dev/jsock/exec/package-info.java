/** Runs plays host by host in parallel: task keywords, loops, handlers, per-host failure, and events for the reporters. */
package dev.jsock.exec;
