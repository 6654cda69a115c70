package io.sluice.sink;

import io.sluice.event.ChangeEvent;

/**
 * How a sink tells the core what became of one published event.
 *
 * <p>The sink calls {@link #completed} exactly once for every event passed to
 * {@link Sink#publish}, from any thread (typically the broker client's I/O thread). Implementations
 * are supplied by the core and return quickly without throwing.
 */
@FunctionalInterface
public interface PublishCallback {

    /**
     * @param event   the event as it was published
     * @param failure {@code null} when the broker has durably stored the event; otherwise why it was
     *                not stored. The core treats a failure as fatal for the stream: it stops without
     *                checkpointing past the event, so nothing is lost.
     */
    void completed(ChangeEvent event, Exception failure);
}
