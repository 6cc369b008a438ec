package dev.jsock.lab;

/** One lab host as SSH sees it: inventory name, address on the lab bridge, and SSH port. */
public record LabHost(String name, String address, int port) {
    public LabHost {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        if (address == null || address.isBlank()) throw new IllegalArgumentException("address is required");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("bad port " + port);
    }
}
