package io.sluice.sink;

import io.sluice.checkpoint.CheckpointStore;

import java.time.Duration;

/**
 * A sink that writes the checkpoint in the same atomic transaction as the events before it, so that a
 * reader of the broker sees every change exactly once across crashes (Kafka's exactly-once mode).
 *
 * <p>The core then calls, in order:
 * <ol>
 *   <li>{@link #adoptCheckpoints} once, before it loads the position from the store: the sink takes
 *       over saving checkpoints and fences any older instance writing under the same identity, so the
 *       position read next cannot move any more;</li>
 *   <li>{@link #publish} and {@link #commit}, interleaved, from the single publishing thread: a commit
 *       makes every event published since the previous commit visible together with the checkpoint
 *       that follows them, or none of them. The core never calls {@link CheckpointStore#save} itself.</li>
 * </ol>
 * Events published after the last commit are discarded by the broker when the process dies; the core
 * reads them again from the position committed last.
 */
public interface TransactionalSink extends Sink {

    /**
     * Takes over saving checkpoints from {@code store} and fences older instances.
     *
     * @throws SinkException when the store is not one this sink can write inside its transactions (the
     *         message names the setting to change), or the broker refuses the transactional identity
     * @throws InterruptedException when the core is shutting down while this call waits for the broker
     */
    void adoptCheckpoints(CheckpointStore store) throws SinkException, InterruptedException;

    /**
     * Atomically commits every event published since the previous commit together with
     * {@code checkpoint}, the position just after the last of them. Returns once the commit is durable.
     *
     * @throws SinkException when the transaction could not be committed; nothing of it is visible and
     *         the core must stop, since the events cannot be published again in this run
     * @throws InterruptedException when the core is shutting down while this call waits for the broker
     */
    void commit(String checkpoint) throws SinkException, InterruptedException;

    /**
     * The longest time the core may let a transaction stay open between commits: a transaction open
     * longer than the broker allows is aborted by the broker, which stops the stream. The core refuses
     * to start with a commit interval at or above this.
     */
    Duration maxCommitInterval();

    /** The setting that bounds {@link #maxCommitInterval}, for the error message. */
    String maxCommitIntervalSetting();
}
