package io.sluice.connector.cli;

import io.sluice.connector.config.HttpConfig;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the operations endpoint a configuration names whether a daemon serves it: {@code GET /health/live}
 * answers while a daemon runs. Only a refused connection counts as "no daemon"; any answer, or none
 * within the time-out, might be one.
 *
 * <p>Limits: it finds only a daemon that serves the endpoint at the configured address, so not one
 * with {@code sluice.http.enabled = false}, with port 0 (a free port, logged at start-up), on another
 * host behind a loopback address, or in another network namespace without the port published.
 */
final class LivenessProbe {

    static final String PATH = "/health/live";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private LivenessProbe() {
    }

    /**
     * Why a daemon may be running, naming the endpoint; empty when the endpoint is off, on port 0, or
     * refuses the connection.
     */
    static Optional<String> evidence(HttpConfig http) throws InterruptedException {
        if (!http.enabled() || http.port() == 0) {
            return Optional.empty();
        }
        URI uri = URI.create("http://" + reachable(http.host()) + ":" + http.port() + PATH);
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return Optional.of(uri + " answers (HTTP " + response.statusCode() + ")");
        } catch (ConnectException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(uri + " gave no clear answer (" + e + ")");
        }
    }

    /** Where to connect for an address a server binds: a wildcard address means this host. */
    static String reachable(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.isEmpty() || bare.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (bare.equals("::") || bare.equals("0:0:0:0:0:0:0:0")) {
            return "[::1]";
        }
        return bare.contains(":") ? "[" + bare + "]" : bare;
    }
}
