package io.sluice.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** What every database flavor must do; each subclass runs it against one server of its flavor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DatabaseServerContract {

    DatabaseServer db;

    abstract DatabaseServer.Builder builder();

    @BeforeAll
    void startServer() {
        db = builder().start();
    }

    @AfterAll
    void closeServer() {
        db.close();
        assertFalse(Files.exists(db.dataDir()), "close() deletes " + db.dataDir());
        db.close();
    }

    @Test
    @Order(1)
    void writesRowBinlogWithFullMetadata() throws Exception {
        Map<String, String> variables = variables("log_bin", "binlog_format", "binlog_row_image",
                "binlog_row_metadata", "server_id");
        assertEquals("ON", variables.get("log_bin"));
        assertEquals("ROW", variables.get("binlog_format"));
        assertEquals("FULL", variables.get("binlog_row_image"));
        assertEquals("FULL", variables.get("binlog_row_metadata"));
        assertEquals("1", variables.get("server_id"));
        assertTrue(Files.size(db.logFile()) > 0, "server output is captured in " + db.logFile());
    }

    @Test
    @Order(2)
    void storesRowsAcrossStopAndStart() throws SQLException {
        db.createDatabase("smoke");
        db.execute("CREATE TABLE smoke.item (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO smoke.item VALUES (1, 'one')");
        int port = db.port();

        db.stop();
        assertFalse(db.isRunning());
        db.start();

        assertEquals(port, db.port());
        assertEquals(List.of("1:one"), rows("SELECT id, name FROM smoke.item ORDER BY id"));
    }

    @Test
    @Order(3)
    void recoversCommittedRowsAfterKill() throws SQLException {
        db.execute("INSERT INTO smoke.item VALUES (2, 'two')");

        db.kill();
        assertFalse(db.isRunning());
        db.start();

        assertEquals(List.of("1:one", "2:two"), rows("SELECT id, name FROM smoke.item ORDER BY id"));
    }

    Map<String, String> variables(String... names) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW GLOBAL VARIABLES")) {
            while (result.next()) {
                values.put(result.getString(1), result.getString(2));
            }
        }
        values.keySet().retainAll(List.of(names));
        return values;
    }

    List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.connect("smoke"); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1) + ":" + result.getString(2));
            }
        }
        return rows;
    }
}
