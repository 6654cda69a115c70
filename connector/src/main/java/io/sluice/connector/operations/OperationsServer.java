package io.sluice.connector.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sluice.connector.config.HttpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves {@code GET /health/live}, {@code GET /health/ready} and {@code GET /metrics} on the JDK's HTTP
 * server, with two threads of its own ({@code sluice-http}): probes and scrapes are rare and cheap, and
 * must never compete with the pipeline for more.
 */
public final class OperationsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    private OperationsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts serving.
     *
     * @param readiness asked on every readiness probe; must not block
     * @throws IOException naming the address and the setting when the port cannot be bound
     */
    public static OperationsServer start(HttpConfig config, PrometheusRegistry registry, Supplier<Readiness> readiness)
            throws IOException {
        // The JDK server waits for ever on a client that sends half a request; a probe must not.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "10"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "10"));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 16);
        } catch (BindException e) {
            throw new BindException("cannot listen on " + config.host() + ":" + config.port() + " for the health and"
                    + " metrics endpoint (" + e.getMessage() + "). If another Sluice with this configuration runs,"
                    + " stop it first; if another program holds the port, choose another with sluice.http.port"
                    + " (SLUICE_HTTP_PORT); if the address is not this host's, fix sluice.http.host");
        } catch (java.nio.channels.UnresolvedAddressException e) {
            throw new IOException("cannot resolve sluice.http.host = \"" + config.host() + "\" for the health and"
                    + " metrics endpoint; use an address of this host, such as 127.0.0.1 or 0.0.0.0", e);
        }
        server.createContext("/health/live", exchange -> answer(exchange, 200, "{\"live\":true}"));
        server.createContext("/health/ready", exchange -> {
            Readiness now = readiness.get();
            answer(exchange, now.ready() ? 200 : 503, toJson(now));
        });
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/", exchange -> answer(exchange, 404,
                "{\"error\":\"not found\",\"paths\":[\"/health/live\",\"/health/ready\",\"/metrics\"]}"));
        // Two threads: a slow scrape must not hold up a liveness probe.
        ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "sluice-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        OperationsServer started = new OperationsServer(server, executor);
        LOG.info("Health and metrics on http://{}:{} (/health/live, /health/ready, /metrics)", config.host(),
                started.port());
        return started;
    }

    /** The port bound, also when the configuration asked for any free one. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static String toJson(Readiness readiness) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ready", readiness.ready());
        ObjectNode checks = root.putObject("checks");
        for (HealthCheck check : readiness.checks()) {
            checks.putObject(check.name()).put("ok", check.ok()).put("detail", check.detail());
        }
        return root.toString();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        try (exchange) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
