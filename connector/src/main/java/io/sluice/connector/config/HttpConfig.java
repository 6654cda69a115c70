package io.sluice.connector.config;

import java.time.Duration;

/**
 * The operations endpoint ({@code sluice.http}): liveness, readiness and Prometheus metrics.
 *
 * @param enabled      whether the endpoint is served at all
 * @param host         the address to bind; loopback unless a probe or scraper outside the host needs it
 * @param port         the TCP port, or 0 for any free port (tests)
 * @param stalledAfter how long acknowledged work may stand still, with events waiting, before
 *                     readiness reports the daemon as stalled
 */
public record HttpConfig(boolean enabled, String host, int port, Duration stalledAfter) {

    /** No endpoint: what tests and embedded daemons get unless they ask for one. */
    public static final HttpConfig DISABLED = new HttpConfig(false, "127.0.0.1", 0, Duration.ofSeconds(60));

    /** An endpoint on a free loopback port. */
    public static HttpConfig anyLoopbackPort() {
        return new HttpConfig(true, "127.0.0.1", 0, Duration.ofSeconds(60));
    }

    /** Reads {@code sluice.http}. */
    static HttpConfig from(ConfigReader in) {
        return new HttpConfig(
                in.flag("enabled"),
                in.string("host", "the address to listen on, such as \"127.0.0.1\" or \"0.0.0.0\""),
                in.integer("port", 0, 65535),
                in.duration("stalled-after", Duration.ofSeconds(1)));
    }
}
