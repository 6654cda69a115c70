package io.sluice.connector.check;

import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.config.SourceConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before streaming, that the configured server, user and plug-ins can serve Sluice: the
 * connection and credentials, the server version, the binlog settings (log_bin, ROW format, FULL row
 * image and metadata, no partial JSON), GTIDs, binlog retention, a free server id, replication and
 * SELECT privileges, and that the sink and checkpoint-store types are installed.
 *
 * <p>{@link #run()} never throws for a problem it is meant to find: everything becomes a {@link Finding}
 * with a fix. {@code sluice check} prints them; the daemon calls it at start-up and refuses to start on
 * any {@link Finding.Severity#FAIL} of {@link #binlogRequirements()}. Each run opens and closes one JDBC connection; nothing is changed
 * on the server. Messages never contain the password.
 */
public final class Preflight {

    private final SluiceConfig config;
    private final ClassLoader classLoader;

    /** A pre-flight for {@code config}, finding plug-ins with this class's class loader. */
    public Preflight(SluiceConfig config) {
        this(config, Preflight.class.getClassLoader());
    }

    /** A pre-flight finding plug-ins with {@code classLoader}. */
    public Preflight(SluiceConfig config, ClassLoader classLoader) {
        this.config = config;
        this.classLoader = classLoader;
    }

    /**
     * The binlog rules the daemon cannot run without ({@code log_bin}, ROW format, FULL row image, no
     * partial JSON, no compressed events), each with its fix.
     *
     * @throws SQLException when the server cannot be reached or refuses the user
     */
    public List<Finding> binlogRequirements() throws SQLException {
        try (Connection connection = ServerProbe.connect(config.source())) {
            return ServerChecks.binlogRequirements(ServerProbe.facts(connection));
        }
    }

    /**
     * Runs every check. Takes about one connection set-up and a handful of queries; at most the
     * configured connect timeout when the server is unreachable.
     *
     * @return the findings, plug-ins first, then the connection, then the server's rules in a fixed order
     */
    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>(
                PluginChecks.check(config.sink().type(), config.checkpoint().store(), classLoader));
        SourceConfig source = config.source();
        String target = source.user() + " at " + source.host() + ":" + source.port();
        try (Connection connection = ServerProbe.connect(source)) {
            findings.add(Finding.ok("connected as " + target));
            findings.addAll(ServerChecks.check(ServerProbe.facts(connection), source));
        } catch (SQLException e) {
            findings.add(ConnectionFailures.describe(e, source));
        }
        return findings;
    }
}
