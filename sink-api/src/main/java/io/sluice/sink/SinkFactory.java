package io.sluice.sink;

import com.typesafe.config.Config;

/**
 * Creates sinks of one type. Implementations are found with {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/io.sluice.sink.SinkFactory}) and chosen by
 * {@link #type()}, the value of {@code sluice.sink.type}.
 */
public interface SinkFactory {

    /** The name users write in {@code sluice.sink.type}, for example {@code kafka}. */
    String type();

    /**
     * Whether error messages and {@code sluice check} offer this type as a choice. A type that only a
     * tool built on Sluice configures for itself (the demo's terminal view) says no; it still works
     * when named.
     */
    default boolean listed() {
        return true;
    }

    /**
     * Parses the sink's configuration and connects.
     *
     * @param config the subtree {@code sluice.sink.<type>}, with the module's {@code reference.conf}
     *               defaults already merged in
     * @throws SinkException when the configuration is invalid or the broker cannot be used; the
     *         message names the key or server and says how to fix it
     */
    Sink create(Config config) throws SinkException;
}
