package io.sluice.demo;

import com.typesafe.config.Config;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkFactory;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * Sink type {@value #TYPE}: events rendered for people on standard output, for {@code sluice demo}.
 * Setting: {@code colour} (boolean, default false), ANSI colours on.
 *
 * <p>It is registered in this module's {@code META-INF/services} because the daemon finds every sink
 * by type name; the name says it belongs to the demo, which sets it up itself. It has no
 * {@code reference.conf}: the demo hands it its settings directly, never through a user's file.
 */
public final class TerminalSinkFactory implements SinkFactory {

    static final String TYPE = "demo-terminal";

    @Override
    public String type() {
        return TYPE;
    }

    /** Only the demo configures it; {@code sluice check} and error messages do not offer it. */
    @Override
    public boolean listed() {
        return false;
    }

    @Override
    public Sink create(Config config) {
        boolean colour = config.hasPath("colour") && config.getBoolean("colour");
        // UTF-8 whatever the locale, as the JSON events are: names and values may be in any script.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14),
                false, StandardCharsets.UTF_8);
        EventRenderer renderer = new EventRenderer(colour ? Palette.COLOUR : Palette.PLAIN, ZoneId.systemDefault());
        return new TerminalSink(renderer, out);
    }
}
