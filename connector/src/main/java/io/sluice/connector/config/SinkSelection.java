package io.sluice.connector.config;

import com.typesafe.config.Config;

/**
 * Which sink receives the events, and its own settings.
 *
 * @param type     the sink type name ({@code sluice.sink.type}), matched against the available
 *                 {@link io.sluice.sink.SinkFactory#type()}s
 * @param settings the subtree {@code sluice.sink.<type>}, handed to the sink's factory unparsed: the
 *                 sink module owns its keys
 */
public record SinkSelection(String type, Config settings) {

    /** Reads {@code sluice.sink}: the type and, unparsed, the subtree of that type. */
    static SinkSelection from(ConfigReader in) {
        String type = in.string("type", "a sink type such as stdout, file, kafka or nats");
        return new SinkSelection(type, type == null ? null : in.subtree(type));
    }

    /** Leaves the settings out: a sink's settings may hold credentials. */
    @Override
    public String toString() {
        return "SinkSelection[type=" + type + "]";
    }
}
