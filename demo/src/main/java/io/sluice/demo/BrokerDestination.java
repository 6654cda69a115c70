package io.sluice.demo;

import com.typesafe.config.ConfigFactory;
import io.sluice.connector.config.SinkSelection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A local broker the demo publishes to through Sluice's own sink for it, wrapped in a
 * {@link ProgressSink} that reports the running count of acknowledged events.
 */
abstract class BrokerDestination implements Destination {

    /** Starts topic, subject and stream names, so that the demo's events stay apart from real ones. */
    static final String PREFIX = "sluice-demo";

    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final List<InetSocketAddress> addresses;

    /** @param addresses where the broker should answer; one that does is enough */
    BrokerDestination(List<InetSocketAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /**
     * The sentence for a broker that does not answer: which option pointed where, and how to start one.
     *
     * @param tried each address with what went wrong there
     */
    abstract String unreachable(String tried);

    @Override
    public final SinkSelection sink(SinkSelection validated) {
        return new SinkSelection(ProgressSinkFactory.TYPE, ConfigFactory.parseMap(Map.of(
                        "sink", validated.type(),
                        "every", REPORT_EVERY.toMillis() + "ms"))
                .withValue("settings", validated.settings().root()));
    }

    /**
     * Only a TCP connection: Kafka's client would retry an absent broker for ever, and the message here
     * can name the demo's own option. Whether the broker speaks the protocol the sink finds out next.
     */
    @Override
    public final void requireReachable() throws DemoException {
        List<String> tried = new ArrayList<>();
        for (InetSocketAddress address : addresses) {
            try (Socket socket = new Socket()) {
                // Resolved only now, so that a name that does not resolve is reported like the rest.
                socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()),
                        (int) CONNECT_TIMEOUT.toMillis());
                return;
            } catch (IOException e) {
                tried.add(address.getHostString() + ":" + address.getPort() + " ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        throw new DemoException(unreachable(String.join(", ", tried)));
    }

    /** The topics, subjects or similar names of the demo's tables, joined for a sentence. */
    static String perTable(String template) {
        return String.join(", ", ShopWorkload.TABLES.stream()
                .map(table -> template.replace("{table}", table)).toList());
    }

    /**
     * Parses {@code host:port}, where an IPv6 host is written in brackets.
     *
     * @throws IllegalArgumentException naming {@code option} when it is not of that form
     */
    static InetSocketAddress hostAndPort(String text, int defaultPort, String option) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        boolean hasPort = colon > trimmed.lastIndexOf(']');
        String host = hasPort ? trimmed.substring(0, colon) : trimmed;
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = hasPort ? Integer.parseInt(trimmed.substring(colon + 1)) : defaultPort;
            if (host.isEmpty() || port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return InetSocketAddress.createUnresolved(host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " is \"" + text + "\"; expected HOST:PORT, for example"
                    + " localhost:" + defaultPort);
        }
    }
}
