/** Command-line edge: picocli commands, option parsing into requests, and the one place where errors become messages and exit codes. */
package dev.jsock.cli;
