package dev.jsock.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest, so it is written in one place (pom.xml). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"jsock " + (v == null ? "dev" : v)};
    }
}
