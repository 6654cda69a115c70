package io.sluice.servers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.servers.DatabaseServer.Flavor;
import org.junit.jupiter.api.Test;

/** A server that cannot start says so at once, with the reason from its own log. */
class StartFailureIT {

    @Test
    void reportsTheServersOwnErrorWhenItExits() {
        ServerException failure = assertThrows(ServerException.class,
                () -> DatabaseServer.builder(Flavor.MARIADB_10_11).option("--no-such-option=1").start());

        String message = failure.getMessage();
        assertTrue(message.contains("exited with code"), message);
        assertTrue(message.contains("server.log"), message);
        assertTrue(message.contains("unknown variable 'no-such-option=1'"), message);
    }
}
