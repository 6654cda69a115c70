package io.sluice.demo;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/** The events in a Kafka broker, a topic per table, through Sluice's Kafka sink. */
final class KafkaDestination extends BrokerDestination {

    private static final String TOPIC = PREFIX + "." + ShopWorkload.DATABASE + ".{table}";
    /** The demo's topics as the regular expression Kafka's tools take, quoted for the shell. */
    private static final String TOPIC_PATTERN = "'" + PREFIX + "\\." + ShopWorkload.DATABASE + "\\..*'";

    private final String bootstrapServers;

    /**
     * @param bootstrapServers {@code host:port[,host:port...]}, as Kafka's clients take it
     * @throws IllegalArgumentException when it is not of that form
     */
    KafkaDestination(String bootstrapServers) {
        super(addresses(bootstrapServers));
        this.bootstrapServers = bootstrapServers;
    }

    private static List<InetSocketAddress> addresses(String bootstrapServers) {
        return Arrays.stream(bootstrapServers.split(","))
                .map(server -> hostAndPort(server, 9092, "--bootstrap-servers")).toList();
    }

    @Override
    public List<String> sinkSettings() {
        return List.of(
                "sluice.sink.type=kafka",
                "sluice.sink.kafka.producer.bootstrap.servers=" + bootstrapServers,
                "sluice.sink.kafka.topic-prefix=" + PREFIX,
                // A broker that does not create topics on first use must not stop the demo.
                "sluice.sink.kafka.create-topics.enabled=true");
    }

    @Override
    String unreachable(String tried) {
        return "no Kafka broker answers at " + tried + ", where --bootstrap-servers points. Start one there"
                + " (bin/kafka-server-start.sh, or: docker run -p 9092:9092 apache/kafka), or point"
                + " --bootstrap-servers at yours.";
    }

    @Override
    public List<String> describe() {
        return List.of("Each change goes to Kafka at " + bootstrapServers + ", a topic per table: " + perTable(TOPIC)
                        + ";",
                "the record key is the primary key, and a delete is followed by a tombstone. Watch them with:",
                "  kafka-console-consumer.sh --bootstrap-server " + bootstrapServers + " --include " + TOPIC_PATTERN
                        + " --property print.key=true --from-beginning");
    }

    @Override
    public List<String> leftBehind() {
        return List.of("The events stay in Kafka; delete the topics with:",
                "  kafka-topics.sh --bootstrap-server " + bootstrapServers + " --delete --topic " + TOPIC_PATTERN);
    }
}
