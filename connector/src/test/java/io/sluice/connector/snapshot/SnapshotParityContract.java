package io.sluice.connector.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connector.binlog.BinlogReader;
import io.sluice.connector.binlog.BinlogSource;
import io.sluice.connector.binlog.RowsChange;
import io.sluice.connector.binlog.SourceServer;
import io.sluice.connector.config.SourceConfig;
import io.sluice.connector.config.StartPosition;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.decode.ValueEncoding.BinaryMode;
import io.sluice.connector.decode.ValueEncoding.DecimalMode;
import io.sluice.connector.decode.ValueEncoding.TemporalMode;
import io.sluice.connector.pipeline.RowEnvelopes;
import io.sluice.connector.schema.ColumnSchema;
import io.sluice.connector.schema.InformationSchemaSchemas;
import io.sluice.connector.schema.TableSchema;
import io.sluice.connector.testing.TableReplay;
import io.sluice.connector.testing.GoldenFiles;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.event.Operation;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static io.sluice.connector.testing.RunningDaemon.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A snapshot row must be the same JSON as the same row arriving through the binlog. For every golden
 * script, the binlog changes are captured and replayed into the tables' final content; then the tables
 * are read by {@link ChunkReader} in chunks of {@value #CHUNK}, so keys page, and both sides go through
 * the pipeline's encoder. Every column of every row must encode identically, in the default encoding
 * and in the Debezium/hex/number one. One server per class, one database per script.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
abstract class SnapshotParityContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int CHUNK = 3;
    private static final String MARKER = "zz_snapshot_marker";
    private static final List<ValueEncoding> ENCODINGS = List.of(ValueEncoding.DEFAULT,
            new ValueEncoding(DecimalMode.NUMBER, TemporalMode.DEBEZIUM, BinaryMode.HEX));

    private DatabaseServer server;

    protected abstract DatabaseServer startServer() throws Exception;

    /** {@code mysql} or {@code mariadb}: which golden scripts apply. */
    protected abstract String goldenFlavor();

    @BeforeAll
    void startDatabase() throws Exception {
        server = startServer();
    }

    @AfterAll
    void stopDatabase() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private boolean mariadb() {
        return server.flavor().isMariaDb();
    }

    @TestFactory
    Stream<DynamicTest> goldenTablesReadAsTheyStream() throws Exception {
        return GoldenFiles.scripts(goldenFlavor()).stream().map(script -> DynamicTest.dynamicTest(
                script.getFileName().toString(), () -> checkParity(script)));
    }

    private void checkParity(Path script) throws Exception {
        String name = script.getFileName().toString().replaceFirst("\\.sql$", "").replace('-', '_');
        String db = "s" + SEQUENCE.incrementAndGet() + "_" + name;
        Map<String, TableContent> tables = capture(db, GoldenFiles.statements(script));
        assertTrue(!tables.isEmpty(), "the script " + script + " changed no table");
        List<String> differences = new ArrayList<>();
        for (TableContent table : tables.values()) {
            differences.addAll(compare(table));
        }
        if (!differences.isEmpty()) {
            fail("snapshot and binlog disagree for " + script + ":\n" + String.join("\n", differences));
        }
    }

    /**
     * Keys of many types, paging through more rows than one chunk, in the order the server's
     * {@code ORDER BY} gives: a case-insensitive collation, unsigned and decimal numbers, temporals
     * (negative TIME, zero and invalid dates), ENUM (ordered by index), BINARY (ordered padded), BIT,
     * FLOAT and DOUBLE, a unique key over NOT NULL columns and, on MariaDB, UUID, INET6 and INET4.
     */
    @Test
    void compositeKeysOfManyTypesPageInKeyOrder() throws Exception {
        String db = "s" + SEQUENCE.incrementAndGet() + "_keys";
        List<String> statements = new ArrayList<>(List.of(
                "CREATE TABLE texts (name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci,"
                        + " n BIGINT UNSIGNED, d DECIMAL(10,2), v INT, PRIMARY KEY (name, n, d))",
                "INSERT INTO texts VALUES ('b', 18446744073709551615, -1.50, 1), ('B ', 1, 0, 2), ('a', 9223372036854775808, 2.25, 3),"
                        + " ('A', 9223372036854775807, 2.25, 4), ('ä', 0, -99999999.99, 5), ('Grüße', 5, 1.00, 6),"
                        + " ('a', 9223372036854775808, 2.26, 7), ('zz', 0, 0, 8), ('', 0, 0, 9), ('😀', 1, 1, 10)",
                "CREATE TABLE moments (t DATETIME(3), e ENUM('zebra', 'apple'), b BINARY(4), tm TIME(2),"
                        + " y YEAR, i TINYINT UNSIGNED, v INT, PRIMARY KEY (t, e, b, tm, y, i))",
                "INSERT INTO moments VALUES ('2024-02-29 13:45:07.123', 'zebra', 0x61, '-838:59:59.00', 2024, 255, 1),"
                        + " ('2024-02-29 13:45:07.123', 'apple', 0x61, '-01:00:00.50', 2024, 255, 2),"
                        + " ('2024-02-29 13:45:07.123', 'zebra', 0x6100, '-01:00:00.50', 2024, 255, 3),"
                        + " ('2024-02-29 13:45:07.123', 'zebra', 0x61, '100:00:00.01', 2024, 255, 4),"
                        + " ('2024-02-29 13:45:07.123', 'zebra', 0x61, '100:00:00.01', 1901, 0, 5),"
                        + " ('2024-02-29 13:45:07.123', 'zebra', 0x61, '100:00:00.01', 1901, 128, 6),"
                        + " ('1000-01-01 00:00:00.000', 'apple', 0xFFFFFFFF, '00:00:00', 2155, 1, 7),"
                        + " ('9999-12-31 23:59:59.999', 'apple', 0x00, '00:00:00', 2155, 1, 8)",
                "SET SESSION sql_mode = 'ALLOW_INVALID_DATES'",
                "CREATE TABLE days (d DATE, dt DATETIME, ts TIMESTAMP(6) NOT NULL DEFAULT '2000-01-01 00:00:00',"
                        + " v INT, PRIMARY KEY (d, dt, ts))",
                "INSERT INTO days VALUES ('0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00', 1),"
                        + " ('0000-00-00', '0000-00-00 00:00:00', '1970-01-01 00:00:01', 2),"
                        + " ('2024-02-30', '2024-04-31 10:00:00', '2038-01-19 03:14:07.999999', 3),"
                        + " ('2024-02-30', '2024-04-31 10:00:00', '2024-06-01 12:00:00.654321', 4),"
                        + " ('2024-02-30', '2024-05-00 08:00:00', '2024-06-01 12:00:00.654321', 5),"
                        + " ('2024-00-15', '2024-02-29 13:45:07', '2024-06-01 12:00:00', 6),"
                        + " ('2024-02-29', '2024-02-29 13:45:07', '2024-06-01 12:00:00', 7),"
                        + " ('2024-03-01', '1000-01-01 00:00:00', '2024-06-01 12:00:00', 8)",
                "SET SESSION sql_mode = DEFAULT",
                "CREATE TABLE numbers (b BIT(10), d DOUBLE, f FLOAT, v INT, PRIMARY KEY (b, d, f))",
                "INSERT INTO numbers VALUES (b'1', 0.1, 0.1, 1), (b'1', 0.1, PI(), 2), (b'1', 0.1, 1 / 3, 3), (b'1', -1e300, 0, 4),"
                        + " (b'1111111111', 0, 0, 5), (b'0', PI(), -0.5, 6), (b'1000000000', 1 / 3, 1e-30, 7), (b'1', 0.1, 1e30, 8)",
                "CREATE TABLE unique_keyed (id INT NULL, code VARCHAR(5) NOT NULL, region SMALLINT NOT NULL,"
                        + " UNIQUE KEY by_region (region, code))",
                "INSERT INTO unique_keyed VALUES (NULL, 'x', -5), (1, 'y', -5), (2, 'x', 7), (3, 'X1', 7), (NULL, 'a', 32767)"));
        if (mariadb()) {
            statements.add("CREATE TABLE addresses (ip INET6, u UUID, v INT, PRIMARY KEY (ip, u))");
            statements.add("INSERT INTO addresses VALUES ('::', '00000000-0000-0000-0000-000000000001', 1),"
                    + " ('::1', '6ccd780c-baba-1026-9564-5b8c656024db', 2), ('::ffff:1.2.3.4', 'ffffffff-ffff-4fff-bfff-ffffffffff00', 3),"
                    + " ('fe80::', '00000000-0000-0000-0000-000000000001', 4), ('fe80::', '123e4567-e89b-12d3-a456-426655440000', 5),"
                    + " ('2001:db8::1', '01890a5d-ac96-774b-bcce-b302099a8057', 6), ('1::', '00000000-0000-0000-0000-000000000000', 7)");
            statements.add("CREATE TABLE v4 (ip INET4 PRIMARY KEY, v INT)");
            statements.add("INSERT INTO v4 VALUES ('0.0.0.0', 1), ('10.0.0.0', 2), ('9.255.255.255', 3), ('255.255.255.255', 4),"
                    + " ('1.0.0.0', 5)");
        }
        Map<String, TableContent> tables = capture(db, statements);
        List<String> differences = new ArrayList<>();
        for (TableContent table : tables.values()) {
            differences.addAll(compare(table));
            List<String> ordered = orderedByServer(table);
            List<String> paged = new ArrayList<>();
            for (Serializable[] row : readAll(table.schema, CHUNK, null)) {
                paged.add(keyText(table.schema, row));
            }
            assertEquals(ordered, paged, "chunks of " + CHUNK + " of " + table.schema.table()
                    + " hold every row once, in the server's key order");
        }
        if (!differences.isEmpty()) {
            fail("snapshot and binlog disagree:\n" + String.join("\n", differences));
        }
    }

    /**
     * A chunk after a key starts at that key: the server reads about as many index entries as the chunk
     * holds, not every entry before the key (as it does for a row comparison, which it cannot range-scan).
     */
    @Test
    void chunkAfterAKeySeeksToIt() throws Exception {
        String db = "s" + SEQUENCE.incrementAndGet() + "_seek";
        Map<String, TableContent> tables = capture(db, List.of(
                "CREATE TABLE wide (a INT, b VARCHAR(10), c DATE, v INT, PRIMARY KEY (a, b, c))",
                "INSERT INTO wide WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100)"
                        + " SELECT p.n % 10, CONCAT('k', q.n), '2024-01-01' + INTERVAL p.n DAY, p.n * 100 + q.n FROM s p, s q"));
        TableSchema schema = tables.get("wide").schema;
        try (Connection connection = server.connect(); ChunkReader reader = new ChunkReader(connection, schema);
             Statement statement = connection.createStatement()) {
            Serializable[] middle = reader.read(5000, null).lastKey();
            statement.execute("FLUSH STATUS");
            Chunk chunk = reader.read(CHUNK, middle);
            assertEquals(CHUNK, chunk.rows().size());
            long entriesRead = 0;
            try (java.sql.ResultSet status = statement.executeQuery("SHOW SESSION STATUS LIKE 'Handler_read%'")) {
                while (status.next()) {
                    entriesRead += status.getLong(2);
                }
            }
            assertTrue(entriesRead <= 4 * CHUNK, "the chunk after row 5000 of 10000 read " + entriesRead
                    + " index entries; the key condition is not a range scan");
        }
    }

    /**
     * Floating-point values that need every digit: servers print FLOAT with fewer digits than it takes
     * to name the float, so a snapshot must not read FLOAT columns as printed.
     */
    @Test
    void floatingPointValuesKeepEveryBit() throws Exception {
        String db = "s" + SEQUENCE.incrementAndGet() + "_floats";
        Map<String, TableContent> tables = capture(db, List.of(
                "CREATE TABLE floats (id INT PRIMARY KEY, f FLOAT, d DOUBLE, fu FLOAT UNSIGNED)",
                "INSERT INTO floats VALUES (1, PI(), PI(), 1 / 3), (2, 1 / 3, 1 / 3, 16777217),"
                        + " (3, 1.17549435e-38, 2.2250738585072014e-308, 3.4028234e38), (4, -3.4028234e38, -1.7976931348623157e308, 0),"
                        + " (5, 0.1, 0.1, 123456.789), (6, -0.0, -0.0, 1e-10), (7, 16777217, 9007199254740993, 0.3)"));
        List<String> differences = compare(tables.get("floats"));
        if (!differences.isEmpty()) {
            fail("snapshot and binlog disagree:\n" + String.join("\n", differences));
        }
    }

    // ---- capturing the binlog

    /** A table's rows as the binlog left them: every insert, update and delete applied, by full row image. */
    private static final class TableContent {
        TableSchema schema;
        final List<Serializable[]> rows = new ArrayList<>();

        void apply(RowsChange change) {
            schema = change.table().schema();
            if (change.afterColumns() != null && change.afterColumns().cardinality() != schema.columns().size()
                    || change.beforeColumns() != null && change.beforeColumns().cardinality() != schema.columns().size()) {
                throw new AssertionError("partial row images in " + schema.qualifiedName() + "; the test server must"
                        + " log full rows (binlog_row_image=FULL)");
            }
            for (int i = 0; i < change.rowCount(); i++) {
                if (change.before() != null) {
                    remove(change.before().get(i));
                }
                if (change.after() != null) {
                    rows.add(change.after().get(i));
                }
            }
        }

        private void remove(Serializable[] image) {
            for (Iterator<Serializable[]> it = rows.iterator(); it.hasNext(); ) {
                if (Arrays.deepEquals(it.next(), image)) {
                    it.remove();
                    return;
                }
            }
            throw new AssertionError("the binlog changes a row of " + schema.qualifiedName() + " it never inserted: "
                    + Arrays.deepToString(image));
        }
    }

    /**
     * Runs the statements in a new database while a binlog reader captures it, then a marker insert,
     * and returns the content of every table but the marker, by table name.
     */
    private Map<String, TableContent> capture(String db, List<String> statements) throws Exception {
        server.execute("CREATE DATABASE " + db);
        SourceConfig config = TestConfigs.source(server, StartPosition.CURRENT_POSITION);
        SourceServer source = new SourceServer(config);
        ConcurrentLinkedQueue<RowsChange> changes = new ConcurrentLinkedQueue<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicInteger connected = new AtomicInteger();
        BinlogReader reader = BinlogSource.reader(config, TestConfigs.database(db), source,
                source.resolve(config.start()), item -> {
                    if (item instanceof RowsChange change) {
                        changes.add(change);
                    }
                }, failure::set, connected::incrementAndGet);
        reader.start();
        try {
            waitFor(WAIT, () -> connected.get() > 0 || failure.get() != null);
            try (Connection connection = server.connect(db); Statement statement = connection.createStatement()) {
                statement.execute("SET time_zone = '+00:00'");
                for (String sql : statements) {
                    statement.execute(sql);
                }
                statement.execute("CREATE TABLE " + MARKER + " (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO " + MARKER + " VALUES (1)");
            }
            waitFor(WAIT, () -> failure.get() != null
                    || changes.stream().anyMatch(c -> c.table().schema().table().equals(MARKER)));
            assertNull(failure.get(), () -> "the binlog reader failed: " + failure.get());
        } finally {
            reader.stop(Duration.ofSeconds(10));
        }
        Map<String, TableContent> tables = new LinkedHashMap<>();
        for (RowsChange change : changes) {
            String table = change.table().schema().table();
            if (!table.equals(MARKER)) {
                tables.computeIfAbsent(table, t -> new TableContent()).apply(change);
            }
        }
        return tables;
    }

    // ---- reading and comparing

    private List<Serializable[]> readAll(TableSchema schema, int size, List<Integer> chunkSizes) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        List<Serializable[]> rows = TableReplay.readAll(server, schema, size, sizes);
        for (int i = 0; i < sizes.size() - 1; i++) {
            assertTrue(sizes.get(i) == size, "a chunk that is not the last is full");
        }
        if (chunkSizes != null) {
            chunkSizes.addAll(sizes);
        }
        return rows;
    }

    /**
     * Every difference between the table's binlog content and its snapshot, one line each; also every
     * difference between the schema the binlog gave and the one a snapshot reads from the information
     * schema, since a snapshot of a table the stream has not touched only has the latter.
     */
    private List<String> compare(TableContent table) throws Exception {
        TableSchema schema = table.schema;
        List<String> differences = new ArrayList<>(schemaDifferences(schema));
        List<Integer> chunkSizes = new ArrayList<>();
        List<Serializable[]> snapshot = readAll(schema, CHUNK, chunkSizes);
        if (schema.hasKey()) {
            int expectedChunks = table.rows.size() / CHUNK + 1;
            if (chunkSizes.size() != expectedChunks) {
                differences.add(schema.table() + ": " + table.rows.size() + " rows came in chunks " + chunkSizes);
            }
        }
        for (ValueEncoding encoding : ENCODINGS) {
            List<String> streamed = afterImages(schema, Operation.CREATE, table.rows, encoding);
            List<String> read = afterImages(schema, Operation.READ, snapshot, encoding);
            differences.addAll(differences(schema, encoding, sorted(streamed), sorted(read)));
        }
        return differences;
    }

    private List<String> schemaDifferences(TableSchema binlog) throws Exception {
        TableSchema described = InformationSchemaSchemas.over(server::connect).describe(binlog.database(), binlog.table(), mariadb());
        List<String> out = new ArrayList<>();
        if (described == null) {
            out.add(binlog.table() + ": the information schema does not know the table");
            return out;
        }
        if (!Arrays.equals(binlog.keyColumns(), described.keyColumns())) {
            out.add(binlog.table() + ": key " + Arrays.toString(binlog.keyColumns()) + " in the binlog, "
                    + Arrays.toString(described.keyColumns()) + " described");
        }
        if (binlog.columns().size() != described.columns().size()) {
            out.add(binlog.table() + ": " + binlog.columns().size() + " columns in the binlog, "
                    + described.columns().size() + " described");
            return out;
        }
        for (int i = 0; i < binlog.columns().size(); i++) {
            if (!binlog.columns().get(i).equals(described.columns().get(i))) {
                out.add(binlog.table() + ": binlog " + binlog.columns().get(i) + ", described " + described.columns().get(i));
            }
        }
        return out;
    }

    private List<String> afterImages(TableSchema schema, Operation operation, List<Serializable[]> rows,
                                     ValueEncoding encoding) throws Exception {
        List<String> afters = new ArrayList<>();
        for (String value : RowEnvelopes.values(schema, operation, rows, encoding, mariadb())) {
            JsonNode envelope = JSON.readTree(value);
            assertEquals(operation.code(), envelope.get("op").asText());
            assertTrue(envelope.get("before").isNull(), "no before image: " + value);
            afters.add(envelope.get("after").toString());
        }
        return afters;
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    /** Pairs rows in sorted order and names each column whose JSON differs, with its type and both values. */
    private static List<String> differences(TableSchema schema, ValueEncoding encoding, List<String> streamed,
                                            List<String> read) throws Exception {
        List<String> out = new ArrayList<>();
        if (streamed.size() != read.size()) {
            out.add(schema.table() + ": the binlog leaves " + streamed.size() + " rows, the snapshot read " + read.size());
        }
        for (int i = 0; i < Math.min(streamed.size(), read.size()); i++) {
            if (streamed.get(i).equals(read.get(i))) {
                continue;
            }
            JsonNode expected = JSON.readTree(streamed.get(i));
            JsonNode actual = JSON.readTree(read.get(i));
            for (ColumnSchema column : schema.columns()) {
                if (!Objects.equals(expected.get(column.name()), actual.get(column.name()))) {
                    out.add(schema.table() + "." + column.name() + " (" + column.type()
                            + (column.declaredType() != null ? " " + column.declaredType() : "") + ", " + encoding
                            + "): binlog " + expected.get(column.name()) + ", snapshot " + actual.get(column.name()));
                }
            }
        }
        return out;
    }

    /** The table's keys in the order the server sorts them, as text, read in one plain query. */
    private List<String> orderedByServer(TableContent table) throws Exception {
        TableSchema schema = table.schema;
        List<String> keys = new ArrayList<>();
        for (Serializable[] row : readAll(schema, Integer.MAX_VALUE, null)) {
            keys.add(keyText(schema, row));
        }
        assertEquals(table.rows.size(), keys.size(), "one query reads every row of " + schema.table());
        return keys;
    }

    private static String keyText(TableSchema schema, Serializable[] row) {
        StringBuilder text = new StringBuilder();
        for (int position : schema.keyColumns()) {
            Serializable cell = row[position];
            text.append(cell instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(cell)).append('|');
        }
        return text.toString();
    }
}
