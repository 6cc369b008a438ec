package dev.jsock.systemd;

import java.util.List;

/** What `jsock status` reports for one socket on one host. */
public record SocketStatus(
        String host,
        String socket,
        List<String> listen,
        String active,
        String enabled,
        boolean accept,
        long accepted,
        long connections,
        long refused,
        String service,
        String serviceState,
        int runningInstances,
        String lastTrigger) {

    public SocketStatus {
        listen = List.copyOf(listen);
    }
}
