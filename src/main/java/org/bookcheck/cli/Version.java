package org.bookcheck.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest ("dev" when run from classes). */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Bookcheck.class.getPackage().getImplementationVersion();
        return new String[] {"bookcheck " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
    }
}
