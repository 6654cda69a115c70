package io.sluice.connector.check;

import io.sluice.connector.cli.Main;
import io.sluice.connector.config.ConfigLoader;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link Preflight} must find on every supported server. Each subclass starts one server for all
 * its tests, with a user {@code sluice} (password {@link #PASSWORD}) granted what Sluice needs, and a
 * user {@code app} with SELECT only.
 */
abstract class PreflightContract {

    static final String PASSWORD = "sluice-pw";

    @TempDir
    Path dir;

    abstract DatabaseServer server();

    /** Creates the two users; {@code replicationClient} is the flavour's name for the privilege. */
    static void createUsers(DatabaseServer server, String replicationClient) {
        server.execute(
                "CREATE USER 'sluice'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT, REPLICATION SLAVE, " + replicationClient + " ON *.* TO 'sluice'@'%'",
                "CREATE USER 'app'@'%' IDENTIFIED BY 'app-pw'",
                "GRANT SELECT ON *.* TO 'app'@'%'");
    }

    @Test
    void aWellConfiguredServerAndUserHaveNoFailure() {
        List<Finding> findings = preflight("sluice", PASSWORD);

        assertTrue(Finding.passed(findings), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.what().startsWith("connected as sluice at ")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.severity() == Finding.Severity.OK
                && f.what().contains("has REPLICATION SLAVE")), findings.toString());
    }

    @Test
    void minimalRowMetadataIsAWarningAboutTheFallback() {
        server().execute("SET GLOBAL binlog_row_metadata = MINIMAL");
        try {
            List<Finding> findings = preflight("sluice", PASSWORD);

            assertTrue(Finding.passed(findings), findings.toString());
            assertTrue(findings.stream().anyMatch(f -> f.severity() == Finding.Severity.WARN
                    && f.what().startsWith("binlog_row_metadata = MINIMAL")), findings.toString());
        } finally {
            server().execute("SET GLOBAL binlog_row_metadata = FULL");
        }
    }

    @Test
    void aUserWithoutReplicationPrivilegesFailsNamingTheGrant() {
        List<Finding> findings = preflight("app", "app-pw");

        List<Finding> failures = failures(findings);
        assertEquals(1, failures.size(), findings.toString());
        assertTrue(failures.get(0).what().contains("lacks REPLICATION SLAVE"), failures.get(0).what());
        assertTrue(failures.get(0).fix().startsWith("GRANT REPLICATION SLAVE, "), failures.get(0).fix());
    }

    @Test
    void aWrongPasswordFailsSayingSoWithoutShowingIt() {
        List<Finding> findings = preflight("sluice", "not-the-password");

        List<Finding> failures = failures(findings);
        assertEquals(1, failures.size(), findings.toString());
        assertTrue(failures.get(0).what().contains("wrong user name or password"), failures.get(0).what());
        assertFalse(findings.toString().contains("not-the-password"));
    }

    @Test
    void sluiceCheckExitsWithZeroOnAGoodServerAndThreeOnABadUser() throws IOException {
        Path file = Files.writeString(dir.resolve("check.conf"), "sluice.source {\n"
                + "  host = \"" + server().host() + "\"\n  port = " + server().port() + "\n"
                + "  user = sluice\n  password = ${?IT_PASSWORD}\n}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int good = Main.execute(Map.of("IT_PASSWORD", PASSWORD), new PrintWriter(out, true), new PrintWriter(err, true),
                "check", "--config", file.toString());
        int bad = Main.execute(Map.of("IT_PASSWORD", "app-pw"), new PrintWriter(out, true), new PrintWriter(err, true),
                "check", "--config", file.toString(), "--set", "sluice.source.user=app");

        assertEquals(Main.OK, good, out + "\n" + err);
        assertEquals(Main.CHECK_FAILED, bad, out + "\n" + err);
        assertTrue(out.toString().contains("FAIL  user app@%"), out.toString());
    }

    List<Finding> preflight(String user, String password) {
        return new Preflight(config(user, password)).run();
    }

    SluiceConfig config(String user, String password, String... overrides) {
        String hocon = "sluice.source { host = \"" + server().host() + "\", port = " + server().port()
                + ", user = \"" + user + "\", password = ${?IT_PASSWORD}, connect-timeout = 5s }";
        return new ConfigLoader(Map.of("IT_PASSWORD", password)).load(hocon, "it.conf", List.of(overrides));
    }

    static List<Finding> failures(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.FAIL).toList();
    }
}
