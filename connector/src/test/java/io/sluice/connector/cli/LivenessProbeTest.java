package io.sluice.connector.cli;

import com.sun.net.httpserver.HttpServer;
import io.sluice.connector.config.HttpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class LivenessProbeTest {

    @TempDir
    Path dir;

    @Test
    void anAnswerOnTheLivenessPathIsEvidenceOfADaemon() throws Exception {
        HttpServer server = endpoint(200);
        try {
            Optional<String> evidence = LivenessProbe.evidence(config(server.getAddress().getPort()));

            assertEquals(Optional.of("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/health/live answers (HTTP 200)"), evidence);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusedConnectionADisabledEndpointOrPortZeroAreNot() throws Exception {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        assertEquals(Optional.empty(), LivenessProbe.evidence(config(free)));
        assertEquals(Optional.empty(), LivenessProbe.evidence(HttpConfig.DISABLED));
        assertEquals(Optional.empty(), LivenessProbe.evidence(HttpConfig.anyLoopbackPort()));
    }

    @Test
    void silenceIsEvidenceToo() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Optional<String> evidence = LivenessProbe.evidence(config(mute.getLocalPort()));

            assertTrue(evidence.orElseThrow().contains("gave no clear answer"), evidence.toString());
        }
    }

    @Test
    void aWildcardAddressIsAskedOnLoopback() {
        assertEquals("127.0.0.1", LivenessProbe.reachable("0.0.0.0"));
        assertEquals("[::1]", LivenessProbe.reachable("::"));
        assertEquals("[::1]", LivenessProbe.reachable("[::]"));
        assertEquals("[fe80::1]", LivenessProbe.reachable("fe80::1"));
        assertEquals("db.example", LivenessProbe.reachable("db.example"));
    }

    @Test
    void positionSetIsRefusedWithExitCodeOneWhileTheEndpointAnswers() throws Exception {
        HttpServer server = endpoint(200);
        try {
            Path conf = Files.writeString(dir.resolve("s.conf"), "sluice.source { host = \"127.0.0.1\", user = u }\n"
                    + "sluice.http { enabled = true, port = " + server.getAddress().getPort() + " }\n"
                    + "sluice.checkpoint.file.path = \"" + dir.resolve("cp.json").toString().replace("\\", "/")
                    + "\"\n");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int code = Main.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), "position", "set",
                    "--config", conf.toString(), "--file", "binlog.000001", "--pos", "4");

            assertEquals(Main.FAILED, code, err.toString());
            assertTrue(err.toString().startsWith("sluice: refusing to move the position while a daemon seems to run"
                    + " with this configuration: http://127.0.0.1:" + server.getAddress().getPort()
                    + "/health/live answers (HTTP 200). Stop the daemon first"), err.toString());
            assertTrue(err.toString().contains("--set sluice.http.enabled=false"), err.toString());
            assertEquals(2, err.toString().lines().count(), "the message, then what exit 1 means: " + err);
            assertTrue(Files.notExists(dir.resolve("cp.json")));
        } finally {
            server.stop(0);
        }
    }

    private static HttpConfig config(int port) {
        return new HttpConfig(true, "0.0.0.0", port, Duration.ofSeconds(60));
    }

    private static HttpServer endpoint(int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(LivenessProbe.PATH, exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
