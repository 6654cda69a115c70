package io.sluice.connector.pipeline;

import io.sluice.connector.binlog.RowsChange;
import io.sluice.connector.binlog.StreamItem;
import io.sluice.connector.binlog.TransactionEnd;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.event.ChangeEvent;
import io.sluice.event.Operation;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;

import java.util.concurrent.TimeUnit;

/**
 * The encode-and-publish stage, on its own thread ({@code sluice-publisher}): takes row changes from
 * the reader's queue in binlog order, encodes each row, registers it as in flight and hands it to the
 * sink without waiting for the broker.
 */
final class Publisher implements Runnable {

    private final RowQueue queue;
    private final Sink sink;
    private final InFlightEvents inFlight;
    private final EventEncoder encoder;
    private final PublishCallback callback;
    private final Runnable onStop;
    private volatile boolean draining;
    private volatile Exception failure;

    /** @param onStop runs when publishing ends for any reason, so the reader stops waiting for room */
    Publisher(RowQueue queue, Sink sink, InFlightEvents inFlight, ValueEncoding encoding,
              boolean mariadb, Runnable onStop) {
        this.onStop = onStop;
        this.queue = queue;
        this.sink = sink;
        this.inFlight = inFlight;
        this.encoder = new EventEncoder(encoding, mariadb);
        this.callback = (event, error) -> {
            if (error == null) {
                inFlight.acknowledge(event.sequence());
            } else {
                inFlight.fail(event.sequence(), error);
            }
        };
    }

    /** Finishes what is queued, then returns: the reader must already be stopped. */
    void drainAndStop() {
        draining = true;
    }

    /** Why publishing stopped early, or {@code null}. */
    Exception failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            while (true) {
                StreamItem item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item == null) {
                    if (draining) {
                        return;
                    }
                    continue;
                }
                if (inFlight.failure() != null) {
                    failure = inFlight.failure();
                    return;
                }
                if (item instanceof RowsChange change) {
                    if (!publish(change)) {
                        failure = inFlight.failure();
                        return;
                    }
                } else {
                    inFlight.add(((TransactionEnd) item).next(), 0, true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            Exception refused = inFlight.failure();
            failure = refused != null ? refused : e instanceof Exception ex ? ex : new IllegalStateException(e);
        } finally {
            onStop.run();
        }
    }

    /** @return {@code false} when the sink refused an event: nothing after it may be published */
    private boolean publish(RowsChange change) throws InterruptedException, SinkException {
        long now = System.currentTimeMillis();
        encoder.begin(change);
        Operation operation = change.operation();
        int rows = change.rowCount();
        for (int i = 0; i < rows; i++) {
            if (inFlight.failure() != null) {
                return false;
            }
            long rowIndex = change.firstRowIndex() + i;
            String id = change.transaction().id() + "#" + rowIndex;
            byte[] key = encoder.key(i, operation == Operation.DELETE);
            if (operation == Operation.UPDATE && key != null && encoder.keyChanged(i)) {
                // The row moved to another key: as in Debezium, a delete of the old key, then a create
                // of the new one, so a compacted topic does not keep the old key alive. The row is only
                // done (its position reached) after the create.
                publish(change, Operation.DELETE, id + ".d", encoder.key(i, true),
                        encoder.value(i, now, Operation.DELETE), rowIndex);
                operation = Operation.CREATE;
            }
            publish(change, operation, id, key, encoder.value(i, now, operation), rowIndex + 1);
            operation = change.operation();
        }
        return true;
    }

    private void publish(RowsChange change, Operation operation, String id, byte[] key, byte[] value,
                         long rowsDone) throws InterruptedException, SinkException {
        BinlogPosition after = new BinlogPosition(change.transaction().file(), change.transaction().offset(),
                rowsDone, change.transaction().gtidSetBefore());
        int size = value.length + (key == null ? 0 : key.length);
        long sequence = inFlight.add(after, size, false);
        ChangeEvent event = new ChangeEvent(sequence, id, operation, change.table().schema().database(),
                change.table().schema().table(), key, value, change.transaction().id(), change.timestampMillis());
        sink.publish(event, callback);
    }
}
