package io.sluice.sink;

import io.sluice.event.ChangeEvent;

import java.time.Duration;

/**
 * Delivers change events to one broker.
 *
 * <p>A sink is complete when {@link SinkFactory#create} returns it. The core then calls, in order:
 * <ol>
 *   <li>{@link #publish} for every event, in binlog order, from a single thread;</li>
 *   <li>{@link #flush} whenever it needs every published event settled (before a final checkpoint);</li>
 *   <li>{@link #close} once, after the last publish and flush.</li>
 * </ol>
 *
 * <p>"Done" for an event means the broker has stored it durably enough that the core may checkpoint
 * past it. The sink says so through the {@link PublishCallback}; it never touches positions or
 * checkpoints itself. Events of the same key must reach the broker in the order they were published.
 */
public interface Sink extends AutoCloseable {

    /**
     * Starts publishing one event and returns without waiting for the broker's answer. May block to
     * apply back-pressure when the sink's own in-flight limit is reached.
     *
     * @throws InterruptedException when the core is shutting down while this call waits for room
     * @throws SinkException when the event can never be published (for example it is over the broker's
     *         size limit and the policy is to fail); the message names the table, key and size
     */
    void publish(ChangeEvent event, PublishCallback callback) throws InterruptedException, SinkException;

    /**
     * Waits until every event published so far has had its callback called, or the timeout passes.
     *
     * @return {@code true} when everything settled, {@code false} when the timeout passed first
     */
    boolean flush(Duration timeout) throws InterruptedException;

    /**
     * Whether the sink can reach its broker right now, for the daemon's readiness check. Called from
     * any thread, often; must be cheap and never block. The default suits sinks without a connection
     * (standard output, files).
     */
    default boolean connected() {
        return true;
    }

    /** Releases the broker connection. Events not yet acknowledged may be lost; call flush first. */
    @Override
    void close();
}
