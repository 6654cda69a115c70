package io.sluice.distribution;

import java.nio.file.Path;

/** Where the tests find what they check. Failsafe runs them in the module folder, distribution/. */
final class Checkout {

    /** The repository root. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The installation this build's package phase laid out. */
    static final Path INSTALLATION = Path.of("target", "sluice").toAbsolutePath();

    /** The container image, the compose file and the Kubernetes example. */
    static final Path DOCKER = ROOT.resolve("docker");

    private Checkout() {
    }

    /** The project version, which the launcher must report; set by the pom for failsafe. */
    static String version() {
        String version = System.getProperty("sluice.version");
        if (version == null) {
            throw new IllegalStateException("system property sluice.version is not set; run the tests through Maven");
        }
        return version;
    }
}
