package io.sluice.connector.check;

import io.sluice.connector.config.ConfigLoader;
import io.sluice.connector.config.SourceConfig;
import io.sluice.connector.config.StartPosition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerChecksTest {

    private static final List<String> MYSQL_GRANTS = List.of(
            "GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `sluice`@`%`");
    private static final List<String> MARIADB_GRANTS = List.of(
            "GRANT SELECT, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `sluice`@`%` IDENTIFIED BY PASSWORD"
                    + " '*A4B6157319038724E3560894F7F932C8886EBFCF'");

    private final SourceConfig source = new ConfigLoader(Map.of())
            .load("sluice.source { host = db, user = sluice, server-id = 5400 }", "t.conf", List.of()).source();

    @Test
    void aWellConfiguredMySqlPassesEverything() {
        List<Finding> findings = ServerChecks.check(mysql(Map.of()), source);

        assertEquals(List.of(), notOk(findings));
    }

    @Test
    void aWellConfiguredMariaDbPassesEverythingAndItsPasswordHashIsNeverShown() {
        List<Finding> findings = ServerChecks.check(mariaDb(Map.of()), source);

        assertEquals(List.of(), notOk(findings));
        assertTrue(findings.stream().noneMatch(f -> (f.what() + f.fix()).contains("A4B6157319")));
    }

    @Test
    void minimalRowMetadataWarnsAboutTheInformationSchemaFallback() {
        Finding finding = only(ServerChecks.check(mysql(Map.of("binlog_row_metadata", "MINIMAL")), source));

        assertEquals(Finding.Severity.WARN, finding.severity());
        assertTrue(finding.what().contains("information schema"), finding.what());
        assertTrue(finding.what().contains("newer schema"), finding.what());
        assertEquals("SET PERSIST binlog_row_metadata = FULL (only events written after the change carry it)",
                finding.fix());
    }

    @Test
    void statementFormatPartialRowImageAndPartialJsonFail() {
        List<Finding> findings = notOk(ServerChecks.check(mysql(Map.of(
                "binlog_format", "MIXED", "binlog_row_image", "MINIMAL", "binlog_row_value_options", "PARTIAL_JSON",
                "log_bin", "OFF")), source));

        assertEquals(4, findings.size(), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.severity() == Finding.Severity.FAIL));
        assertTrue(findings.stream().anyMatch(f -> f.fix().equals("SET PERSIST binlog_row_value_options = ''")));
    }

    @Test
    void oldServersFail() {
        assertEquals(Finding.Severity.FAIL, ServerChecks.version(facts("5.7.44-log", Map.of(), MYSQL_GRANTS)).severity());
        assertEquals(Finding.Severity.FAIL,
                ServerChecks.version(facts("10.4.32-MariaDB", Map.of(), MARIADB_GRANTS)).severity());
        assertEquals(Finding.Severity.OK,
                ServerChecks.version(facts("10.11.6-MariaDB-0+deb12u1-log", Map.of(), MARIADB_GRANTS)).severity());
    }

    @Test
    void mySqlWithoutGtidsWarnsUnlessStartingFromAGtidSetThenFails() {
        Map<String, String> off = Map.of("gtid_mode", "OFF", "enforce_gtid_consistency", "OFF");
        SourceConfig fromGtid = new ConfigLoader(Map.of()).load("sluice.source { host = db, user = u, start { from = gtid,"
                + " gtid-set = \"3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5\" } }", "t.conf", List.of()).source();

        assertEquals(Finding.Severity.WARN, only(ServerChecks.check(mysql(off), source)).severity());
        assertEquals(Finding.Severity.FAIL, only(ServerChecks.check(mysql(off), fromGtid)).severity());
    }

    @Test
    void serverIdOfTheServerItselfFailsAndOfAConnectedReplicaWarns() {
        ServerFacts same = new ServerFacts("8.0.31", 5400, "sluice@%", variables(Map.of()), MYSQL_GRANTS, List.of(), null,
                null);
        ServerFacts replica = new ServerFacts("8.0.31", 1, "sluice@%", variables(Map.of()), MYSQL_GRANTS,
                List.of(2L, 5400L), null, null);
        ServerFacts hidden = new ServerFacts("8.0.31", 1, "sluice@%", variables(Map.of()), MYSQL_GRANTS, null,
                "SHOW REPLICAS failed: Access denied", null);

        assertEquals(Finding.Severity.FAIL, ServerChecks.serverId(same, 5400).severity());
        assertEquals(Finding.Severity.WARN, ServerChecks.serverId(replica, 5400).severity());
        assertEquals(Finding.Severity.OK, ServerChecks.serverId(hidden, 5400).severity());
        assertTrue(ServerChecks.serverId(hidden, 5400).what().contains("Access denied"));
    }

    @Test
    void missingReplicationPrivilegesFailNamingTheGrantInTheServersDialect() {
        List<String> selectOnly = List.of("GRANT USAGE ON *.* TO `app`@`%`", "GRANT SELECT ON `shop`.* TO `app`@`%`");

        Finding mysql = ServerChecks.privileges(facts("8.0.31", Map.of(), selectOnly)).get(0);
        Finding mariaDb = ServerChecks.privileges(facts("11.4.5-MariaDB", Map.of(), selectOnly)).get(0);

        assertEquals(Finding.Severity.FAIL, mysql.severity());
        assertTrue(mysql.what().contains("lacks REPLICATION SLAVE and REPLICATION CLIENT"), mysql.what());
        assertEquals("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'sluice'@'%';", mysql.fix());
        assertEquals("GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO 'sluice'@'%';", mariaDb.fix());
    }

    @Test
    void allPrivilegesCountAndReplicationClientIsAnAliasOnMariaDb() {
        List<String> all = List.of("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION");
        List<String> oldName = List.of("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `u`@`%`");

        assertEquals(List.of(), notOk(ServerChecks.privileges(facts("11.4.5-MariaDB", Map.of(), all))));
        assertEquals(Finding.Severity.OK,
                ServerChecks.privileges(facts("11.4.5-MariaDB", Map.of(), oldName)).get(0).severity());
    }

    @Test
    void missingSelectWarnsWithFullMetadataAndFailsWithMinimal() {
        List<String> replicationOnly = List.of("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `u`@`%`");

        Finding full = ServerChecks.privileges(facts("8.0.31", Map.of(), replicationOnly)).get(1);
        Finding minimal = ServerChecks.privileges(
                facts("8.0.31", Map.of("binlog_row_metadata", "MINIMAL"), replicationOnly)).get(1);

        assertEquals(Finding.Severity.WARN, full.severity());
        assertEquals(Finding.Severity.FAIL, minimal.severity());
        assertTrue(minimal.fix().startsWith("GRANT SELECT ON *.* TO 'sluice'@'%'"), minimal.fix());
    }

    @Test
    void aStartFileTheServerNoLongerHasFails() {
        StartPosition gone = new StartPosition(StartPosition.Kind.FILE, "binlog.000000", 4, null);
        StartPosition there = new StartPosition(StartPosition.Kind.FILE, "binlog.000001", 4, null);

        Finding finding = ServerChecks.startFile(mysql(Map.of()), gone);

        assertEquals(Finding.Severity.FAIL, finding.severity());
        assertTrue(finding.what().contains("(binlog.000001)"), finding.what());
        assertEquals(Finding.Severity.OK, ServerChecks.startFile(mysql(Map.of()), there).severity());
    }

    @Test
    void shortBinlogRetentionWarns() {
        assertEquals(Finding.Severity.WARN,
                ServerChecks.retention(mysql(Map.of("binlog_expire_logs_seconds", "3600"))).severity());
        assertEquals(Finding.Severity.OK, ServerChecks.retention(mysql(Map.of())).severity());
    }

    @Test
    void compressedMariaDbBinlogIsABlockingRequirement() {
        assertEquals(List.of(), notOk(ServerChecks.binlogRequirements(mariaDb(Map.of("log_bin_compress", "OFF")))));
        List<Finding> compressed = ServerChecks.binlogRequirements(mariaDb(Map.of("log_bin_compress", "ON")));
        assertEquals(1, notOk(compressed).size());
        assertEquals(Finding.Severity.FAIL, notOk(compressed).get(0).severity());
        assertTrue(notOk(compressed).get(0).fix().contains("log_bin_compress"), notOk(compressed).get(0).fix());
    }

    private static ServerFacts mysql(Map<String, String> changes) {
        return facts("8.0.31", changes, MYSQL_GRANTS);
    }

    private static ServerFacts mariaDb(Map<String, String> changes) {
        Map<String, String> variables = new HashMap<>(Map.of("gtid_strict_mode", "ON", "gtid_binlog_pos", "0-1-42"));
        variables.putAll(changes);
        return facts("11.4.5-MariaDB-log", variables, MARIADB_GRANTS);
    }

    private static ServerFacts facts(String version, Map<String, String> changes, List<String> grants) {
        return new ServerFacts(version, 1, "sluice@%", variables(changes), grants, List.of(), null,
                List.of("binlog.000001"));
    }

    /** A server configured as Sluice wants it, with {@code changes} applied. */
    private static Map<String, String> variables(Map<String, String> changes) {
        Map<String, String> variables = new HashMap<>(Map.of(
                "log_bin", "ON", "binlog_format", "ROW", "binlog_row_image", "FULL", "binlog_row_metadata", "FULL",
                "binlog_row_value_options", "", "gtid_mode", "ON", "enforce_gtid_consistency", "ON",
                "binlog_expire_logs_seconds", "2592000"));
        variables.putAll(changes);
        return variables;
    }

    private static List<Finding> notOk(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Finding.Severity.OK).toList();
    }

    private static Finding only(List<Finding> findings) {
        List<Finding> notOk = notOk(findings);
        assertEquals(1, notOk.size(), notOk.toString());
        assertFalse(notOk.get(0).fix().isEmpty());
        return notOk.get(0);
    }
}
