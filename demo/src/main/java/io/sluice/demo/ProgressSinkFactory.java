package io.sluice.demo;

import com.typesafe.config.Config;
import io.sluice.connector.sink.Plugins;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import io.sluice.sink.SinkFactory;

/**
 * Sink type {@value #TYPE}: another sink, wrapped in a {@link ProgressSink} that reports on standard
 * error how many events it acknowledged, for {@code sluice demo} publishing to a broker. Settings:
 * {@code sink} (the wrapped sink's type), {@code settings} (its settings, complete with defaults) and
 * {@code every} (a duration: how often to report).
 *
 * <p>Registered and configured like {@link TerminalSinkFactory}, for the same reasons.
 */
public final class ProgressSinkFactory implements SinkFactory {

    static final String TYPE = "demo-progress";

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
    public Sink create(Config config) throws SinkException {
        Sink target = Plugins.sink(config.getString("sink")).create(config.getConfig("settings"));
        return new ProgressSink(target, config.getDuration("every"), System.err);
    }
}
