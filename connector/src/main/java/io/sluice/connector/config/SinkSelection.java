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
}
