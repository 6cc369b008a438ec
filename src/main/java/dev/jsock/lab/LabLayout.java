package dev.jsock.lab;

import java.nio.file.Path;

/**
 * Where the lab keeps its state and how hosts are named and addressed. Names and addresses are a
 * pure function of the host's index, so an inventory written today still matches tomorrow's boot.
 */
record LabLayout(Path stateDir) {
    static final String BRIDGE = "jsock0";
    static final String NET = "10.231.47";
    static final String GATEWAY_CIDR = NET + ".1/24";
    static final int FIRST_HOST_OCTET = 11;
    /** Addresses .11 … .249 stay below .250, which tests use as a known-unused address. */
    static final int MAX_HOSTS = 239;
    static final String PREFIX = "jsock-lab-";

    LabLayout {
        stateDir = stateDir.toAbsolutePath().normalize();
    }

    static String name(int index) {
        return PREFIX + index;
    }

    static String address(int index) {
        return NET + "." + (FIRST_HOST_OCTET + index - 1);
    }

    static LabHost host(int index) {
        return new LabHost(name(index), address(index), 22);
    }

    Path root() {
        return stateDir.resolve("root-bookworm");
    }

    Path privateKey() {
        return stateDir.resolve("id_ed25519");
    }

    Path publicKey() {
        return stateDir.resolve("id_ed25519.pub");
    }

    Path knownHosts() {
        return stateDir.resolve("known_hosts");
    }

    Path inventory() {
        return stateDir.resolve("inventory");
    }

    Path lockFile() {
        return stateDir.resolve("lock");
    }

    Path pidFile(String host) {
        return stateDir.resolve(host + ".pid");
    }

    Path log(String host) {
        return stateDir.resolve(host + ".log");
    }

    Path networkFile(String host) {
        return stateDir.resolve(host + ".network");
    }

    Path hostnameFile(String host) {
        return stateDir.resolve(host + ".hostname");
    }

    Path hostsFile(String host) {
        return stateDir.resolve(host + ".hosts");
    }
}
