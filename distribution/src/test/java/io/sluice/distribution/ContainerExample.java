package io.sluice.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connector.config.ConfigLoader;
import io.sluice.connector.config.LogConfig;
import io.sluice.connector.config.SluiceConfig;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every container example (docker/compose.yaml, docker/kubernetes) must give Sluice and its MySQL:
 * a configuration that loads with the container's environment, an endpoint its probes can reach, time
 * for the graceful stop, and a source server that writes what Sluice reads.
 */
final class ContainerExample {

    /** The server options Sluice's examples rely on (row events, full images and metadata, GTIDs). */
    static final List<String> BINLOG_OPTIONS = List.of("--binlog-format=ROW", "--binlog-row-image=FULL",
            "--binlog-row-metadata=FULL", "--gtid-mode=ON", "--enforce-gtid-consistency=ON");

    private static final Pattern SERVER_ID = Pattern.compile("--server-id=(\\d+)");

    private final Dockerfile dockerfile;

    ContainerExample() throws IOException {
        this.dockerfile = Dockerfile.read();
    }

    /** The file the image's command reads: the value after --config. */
    String configPath() {
        List<String> command = dockerfile.image().execForm("CMD");
        return command.get(command.indexOf("--config") + 1);
    }

    /** Loads and validates a configuration as Sluice in the container would: the image's ENV under the container's. */
    SluiceConfig load(String hocon, String name, Map<String, String> containerEnvironment) {
        Map<String, String> environment = new HashMap<>(dockerfile.image().environment());
        environment.putAll(containerEnvironment);
        return new ConfigLoader(environment).load(hocon, name, List.of());
    }

    /** The endpoint is served on every interface, at the port the image exposes and {@code probedPort}. */
    void assertProbesReach(SluiceConfig config, int probedPort, String where) {
        assertTrue(config.http().enabled(), where + ": sluice.http.enabled is off; nothing answers the probes");
        assertEquals("0.0.0.0", config.http().host(), where + ": probes from outside the container need 0.0.0.0");
        assertEquals(Integer.parseInt(dockerfile.image().last("EXPOSE").trim()), config.http().port(),
                where + ": the port differs from the image's EXPOSE");
        assertEquals(config.http().port(), probedPort, where + ": probes ask another port than sluice.http.port");
    }

    /** Containers log JSON for the collectors. */
    static void assertJsonLogs(SluiceConfig config, String where) {
        assertEquals(LogConfig.Format.JSON, config.log().format(), where + ": logs are not JSON");
    }

    /** The runtime waits longer than the graceful stop may take before it kills. */
    static void assertStopsInTime(Duration grace, SluiceConfig config, String where) {
        assertTrue(grace.compareTo(config.pipeline().shutdownTimeout()) > 0, where + ": " + grace
                + " to stop is not more than sluice.pipeline.shutdown-timeout " + config.pipeline().shutdownTimeout());
    }

    /**
     * The MySQL server writes what Sluice reads, creates the user Sluice logs in as (the official image's
     * MYSQL_USER and MYSQL_PASSWORD), and Sluice's replica id is not the server's own.
     */
    static void assertSourceServes(List<String> mysqlOptions, Map<String, String> mysqlEnvironment, SluiceConfig config,
                                   String where) {
        assertTrue(mysqlOptions.containsAll(BINLOG_OPTIONS), where + ": MySQL options " + mysqlOptions
                + " lack some of " + BINLOG_OPTIONS);
        assertNotEquals(serverId(mysqlOptions), config.source().serverId(), where + ": Sluice uses MySQL's server id");
        assertEquals(mysqlEnvironment.get("MYSQL_USER"), config.source().user(), where + ": not the user MySQL creates");
        assertEquals(mysqlEnvironment.get("MYSQL_PASSWORD"), config.source().password().reveal(),
                where + ": not the password MySQL gives the user");
    }

    /** The --server-id among a MySQL server's options. */
    static long serverId(List<String> mysqlOptions) {
        for (String option : mysqlOptions) {
            Matcher id = SERVER_ID.matcher(option);
            if (id.matches()) {
                return Long.parseLong(id.group(1));
            }
        }
        throw new AssertionError("no --server-id in " + mysqlOptions);
    }

    /** The texts of a YAML list. */
    static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asText()));
        return strings;
    }

    /** An init script grants {@code user} the privileges Sluice needs. */
    static void assertGrantsSluice(String sql, String user, String where) {
        String grant = sql.lines().filter(line -> line.startsWith("GRANT") && line.contains("TO '" + user + "'@'%'"))
                .findFirst().orElseThrow(() -> new AssertionError(where + ": no GRANT ... TO '" + user + "'@'%'"));
        for (String privilege : List.of("REPLICATION SLAVE", "REPLICATION CLIENT", "SELECT")) {
            assertTrue(grant.contains(privilege), where + ": " + grant + " lacks " + privilege);
        }
    }
}
