package io.sluice.connector.config;

import com.typesafe.config.Config;

import java.time.Duration;

/**
 * Where the position is saved and how often.
 *
 * @param store     the store type name ({@code sluice.checkpoint.store}), for example {@code file}
 * @param settings  the subtree {@code sluice.checkpoint.<store>}, handed to the store's factory
 * @param interval  save at most this often while events are flowing
 * @param maxEvents save sooner once this many acknowledged events are not yet covered by a save
 */
public record CheckpointConfig(String store, Config settings, Duration interval, int maxEvents) {

    /** Reads {@code sluice.checkpoint}: timing, the store type and, unparsed, the subtree of that type. */
    static CheckpointConfig from(ConfigReader in) {
        String store = in.string("store", "a checkpoint store type such as file, kafka or nats");
        return new CheckpointConfig(
                store,
                store == null ? null : in.subtree(store),
                in.duration("interval", Duration.ofMillis(10)),
                in.integer("max-events", 1, Integer.MAX_VALUE));
    }

    /** Leaves the settings out: a store's settings may hold credentials. */
    @Override
    public String toString() {
        return "CheckpointConfig[store=" + store + ", interval=" + interval + ", maxEvents=" + maxEvents + "]";
    }
}
