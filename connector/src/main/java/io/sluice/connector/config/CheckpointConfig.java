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
}
