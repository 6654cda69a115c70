package io.sluice.demo;

import com.typesafe.config.ConfigFactory;
import io.sluice.connector.config.SinkSelection;

import java.util.List;
import java.util.Map;

/**
 * The events on standard output: rendered for people ({@link TerminalSinkFactory}), in colour where the
 * terminal allows it, or as the stdout sink's JSON lines, one event per line, for pipes and programs.
 *
 * @param pretty whether to render events for people rather than print their JSON
 * @param colour whether the rendering uses ANSI colours
 */
record TerminalDestination(boolean pretty, boolean colour) implements Destination {

    /** How the events are written to standard output. */
    enum Format {
        /** {@link #PRETTY} on a terminal, {@link #JSON} otherwise. */
        AUTO,
        PRETTY,
        JSON
    }

    /**
     * Decides the output: rendered when asked for or when standard output is a terminal; coloured only
     * on a terminal that is not "dumb" and when {@code NO_COLOR} is unset or empty (no-color.org).
     */
    static TerminalDestination choose(Format format, boolean stdoutIsTerminal, Map<String, String> environment) {
        boolean pretty = format == Format.PRETTY || format == Format.AUTO && stdoutIsTerminal;
        String noColour = environment.get("NO_COLOR");
        boolean colour = pretty && stdoutIsTerminal && (noColour == null || noColour.isEmpty())
                && !"dumb".equals(environment.get("TERM"));
        return new TerminalDestination(pretty, colour);
    }

    @Override
    public List<String> sinkSettings() {
        return List.of("sluice.sink.type=stdout");
    }

    @Override
    public SinkSelection sink(SinkSelection validated) {
        return pretty ? new SinkSelection(TerminalSinkFactory.TYPE, ConfigFactory.parseMap(Map.of("colour", colour)))
                : validated;
    }

    @Override
    public void requireReachable() {
        // Standard output is always there.
    }

    @Override
    public List<String> describe() {
        if (!pretty) {
            return List.of("Each change follows on standard output as one JSON line: Debezium's envelope, with"
                    + " before, after, source, op and ts_ms.");
        }
        return List.of("Each change follows in two lines: time, op, table and key; then the row, or for an update"
                        + " the columns that changed.",
                "Ops: r = a row that was there before Sluice started, read by its snapshot; c = insert; u = update;"
                        + " d = delete.");
    }

    @Override
    public List<String> leftBehind() {
        return List.of();
    }
}
