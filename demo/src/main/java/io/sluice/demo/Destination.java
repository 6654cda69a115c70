package io.sluice.demo;

import io.sluice.connector.config.SinkSelection;

import java.util.List;

/** Where the demo sends the events, and what it tells the user about that. */
interface Destination {

    /** The daemon's sink settings as {@code --set} assignments, validated with the rest of its configuration. */
    List<String> sinkSettings();

    /** The sink the daemon runs: the validated selection, or a demo sink around it. */
    SinkSelection sink(SinkSelection validated);

    /**
     * Fails, naming the address and the fix, when a broker does not answer; checked before anything is
     * started, so the user waits for nothing.
     */
    void requireReachable() throws DemoException;

    /** Lines for the header: where the events go, and how to watch them. */
    List<String> describe();

    /** Lines for the end: what the demo leaves behind, such as events in a broker. */
    List<String> leftBehind();
}
