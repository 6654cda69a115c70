package io.sluice.distribution;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** bin/sluice-healthcheck, the image's HEALTHCHECK, against a stand-in for Sluice's operations endpoint. */
class HealthcheckIT {

    private static final String PROBE = Checkout.INSTALLATION.resolve("bin/sluice-healthcheck").toString();

    private HttpServer endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.stop(0);
        }
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Command probe = Command.run(Map.of("SLUICE_HTTP_PORT", Integer.toString(port)), PROBE);

        assertNotEquals(0, probe.exitCode(), probe.transcript());
    }

    @Test
    void passesWhenReadinessAnswers200() throws Exception {
        int port = serve(Map.of("/health/ready", 200, "/health/live", 503));

        // As in the image: the endpoint listens on the wildcard address, the probe asks loopback.
        Command probe = Command.run(Map.of("SLUICE_HTTP_PORT", Integer.toString(port), "SLUICE_HTTP_HOST", "0.0.0.0"),
                PROBE);

        assertEquals(0, probe.exitCode(), probe.transcript());
    }

    @Test
    void failsWhenThePathAnswersAnythingElse() throws Exception {
        int port = serve(Map.of("/health/ready", 200, "/health/live", 503));

        Command probe = Command.run(Map.of("SLUICE_HTTP_PORT", Integer.toString(port)), PROBE, "/health/live");

        assertEquals(1, probe.exitCode(), probe.transcript());
    }

    /** Starts the stand-in on a free loopback port, answering each path with its status; returns the port. */
    private int serve(Map<String, Integer> statuses) throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        statuses.forEach((path, status) -> endpoint.createContext(path, exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        }));
        endpoint.start();
        return endpoint.getAddress().getPort();
    }
}
