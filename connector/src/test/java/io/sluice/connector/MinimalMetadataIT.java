package io.sluice.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connector.testing.MemorySink;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.event.ChangeEvent;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.sluice.connector.testing.RunningDaemon.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A server that logs MINIMAL row metadata: TABLE_MAP events carry no column names, so the schema comes
 * from the information schema. Names, signedness, ENUM labels and the key must still be right.
 */
@Timeout(120)
class MinimalMetadataIT {

    @TempDir
    Path temp;

    @Test
    void decodesWithTheInformationSchema() throws Exception {
        try (DatabaseServer server = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).rowMetadata("MINIMAL").start()) {
            server.execute("CREATE DATABASE m", "CREATE TABLE m.t (id INT UNSIGNED PRIMARY KEY,"
                    + " size ENUM('s', 'm', 'l'), note VARCHAR(20) CHARACTER SET latin1)");
            try (RunningDaemon ignored = RunningDaemon.start(TestConfigs.memory(server, "minimal",
                    temp.resolve("checkpoint.json"), TestConfigs.database("m")))) {
                server.execute("INSERT INTO m.t VALUES (4294967295, 'm', 'café')");
                waitFor(Duration.ofSeconds(30), () -> MemorySink.named("minimal").size() >= 1);
                List<ChangeEvent> events = MemorySink.named("minimal").events();
                assertEquals("{\"id\":4294967295}", new String(events.get(0).key()));
                assertEquals("{\"id\":4294967295,\"size\":\"m\",\"note\":\"café\"}",
                        new ObjectMapper().readTree(events.get(0).value()).get("after").toString());
            }
        }
    }
}
