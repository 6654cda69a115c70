package io.sluice.connector.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version from the connector jar's Maven descriptor, which the jar plug-in writes into every jar. */
final class VersionProvider implements IVersionProvider {

    private static final String DESCRIPTOR = "/META-INF/maven/io.sluice/sluice-connector/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"sluice " + version(), "Java " + Runtime.version()};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(DESCRIPTOR)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "(unknown version)");
            }
        } catch (IOException e) {
            // Fall through: a version string is not worth failing for.
        }
        String manifest = VersionProvider.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "(development build)";
    }
}
