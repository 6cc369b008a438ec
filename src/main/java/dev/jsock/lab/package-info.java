/** Local systemd test hosts: systemd-nspawn containers booted from an mmdebstrap root on a private bridge. */
package dev.jsock.lab;
