package io.sluice.connector.check;

import io.sluice.connector.config.ConfigLoader;
import io.sluice.connector.config.SluiceConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreflightTest {

    @Test
    void anUnreachableServerIsOneFailureSayingSo() throws IOException {
        SluiceConfig config = config(closedPort(), List.of());

        List<Finding> findings = new Preflight(config).run();

        Finding last = findings.get(findings.size() - 1);
        assertFalse(Finding.passed(findings));
        assertEquals(Finding.Severity.FAIL, last.severity());
        assertTrue(last.what().startsWith("cannot reach a server at 127.0.0.1:"), last.what());
        assertTrue(last.fix().contains("sluice.source.host"), last.fix());
    }

    @Test
    void anUnknownSinkTypeFailsListingTheAvailableOnes() {
        Finding finding = PluginChecks.check("sink", "sluice.sink.type", "kafak", Set.of("file", "kafka", "stdout"));

        assertEquals(Finding.Severity.FAIL, finding.severity());
        assertEquals("sluice.sink.type = \"kafak\" is not an available sink type", finding.what());
        assertTrue(finding.fix().startsWith("choose one of file, kafka, stdout"), finding.fix());
    }

    @Test
    void wrongPasswordIsNamedAsSuchWithoutShowingIt() throws IOException {
        SluiceConfig config = config(closedPort(), List.of("sluice.source.password=t0p-secret"));
        SQLException denied = new SQLException("Access denied for user 'sluice'@'localhost' (using password: YES)",
                "28000", 1045);

        Finding finding = ConnectionFailures.describe(denied, config.source());

        assertEquals(Finding.Severity.FAIL, finding.severity());
        assertTrue(finding.what().contains("wrong user name or password"), finding.what());
        assertFalse((finding.what() + finding.fix()).contains("t0p-secret"));
    }

    @Test
    void theJdbcUrlCarriesTimeoutsButNoCredentials() throws IOException {
        SluiceConfig config = config(3306, List.of("sluice.source.password=t0p-secret", "sluice.source.connect-timeout=2s"));

        String url = ServerProbe.url(config.source());

        assertEquals("jdbc:mysql://127.0.0.1:3306/?allowPublicKeyRetrieval=true&useSSL=false&connectTimeout=2000"
                + "&socketTimeout=30000", url);
    }

    private static SluiceConfig config(int port, List<String> overrides) {
        return new ConfigLoader(Map.of()).load("sluice.source { host = \"127.0.0.1\", port = " + port
                + ", user = sluice, connect-timeout = 2s }", "t.conf", overrides);
    }

    /** A loopback port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
