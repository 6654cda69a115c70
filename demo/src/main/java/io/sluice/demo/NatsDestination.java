package io.sluice.demo;

import com.typesafe.config.ConfigUtil;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** The events in a NATS JetStream stream, a subject per table, through Sluice's NATS sink. */
final class NatsDestination extends BrokerDestination {

    /** The stream the NATS sink creates for the demo's subjects. */
    static final String STREAM = PREFIX;
    private static final String SUBJECT = PREFIX + "." + ShopWorkload.DATABASE + ".{table}";

    private final String url;

    /**
     * @param url {@code nats://host[:port]}
     * @throws IllegalArgumentException when it is not of that form
     */
    NatsDestination(String url) {
        super(List.of(hostAndPort(authority(url), 4222, "--nats-url")));
        this.url = url;
    }

    private static String authority(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !List.of("nats", "tls").contains(uri.getScheme())) {
                throw new URISyntaxException(url, "not nats://HOST:PORT");
            }
            return uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--nats-url is \"" + url + "\"; expected nats://HOST:PORT, for"
                    + " example nats://localhost:4222");
        }
    }

    @Override
    public List<String> sinkSettings() {
        return List.of(
                "sluice.sink.type=nats",
                "sluice.sink.nats.servers=[" + ConfigUtil.quoteString(url) + "]",
                "sluice.sink.nats.subject-prefix=" + PREFIX,
                "sluice.sink.nats.stream.name=" + STREAM);
    }

    @Override
    String unreachable(String tried) {
        return "no NATS server answers at " + tried + ", where --nats-url points. Start one with JetStream there"
                + " (nats-server -js), or point --nats-url at yours.";
    }

    @Override
    public List<String> describe() {
        return List.of("Each change goes to NATS at " + url + ", JetStream stream " + STREAM + ", a subject per table: "
                        + perTable(SUBJECT) + ". Watch them with:",
                "  nats --server " + url + " subscribe '" + PREFIX + ".>'      (the stored ones: nats --server "
                        + url + " stream view " + STREAM + ")");
    }

    @Override
    public List<String> leftBehind() {
        return List.of("The events stay in stream " + STREAM + "; delete it with:",
                "  nats --server " + url + " stream rm -f " + STREAM);
    }
}
