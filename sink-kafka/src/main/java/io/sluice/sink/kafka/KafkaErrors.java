package io.sluice.sink.kafka;

/** Text of Kafka client errors for Sluice's messages. */
public final class KafkaErrors {

    private KafkaErrors() {
    }

    /**
     * The message of {@code e} followed by those of its causes: Kafka's configuration errors put the
     * setting at fault in an inner cause ("Failed to construct kafka producer: Invalid value x for ...").
     */
    public static String messageChain(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            out.append(": ").append(c.getMessage());
        }
        return out.toString();
    }
}
