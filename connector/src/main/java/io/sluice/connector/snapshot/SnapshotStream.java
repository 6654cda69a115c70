package io.sluice.connector.snapshot;

import io.sluice.connector.binlog.RowsChange;
import io.sluice.connector.binlog.StreamItem;
import io.sluice.connector.binlog.StreamOutput;
import io.sluice.connector.binlog.TransactionEnd;
import io.sluice.connector.binlog.TransactionInfo;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.SnapshotProgress;
import io.sluice.connector.position.TableProgress;
import io.sluice.event.Operation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where snapshot chunks meet the binlog stream: sits between the binlog reader and the pipeline, sees
 * every item in stream order on the reader thread, and places each chunk the {@link Snapshotter} read
 * between two transactions once the reader has passed the chunk's high watermark.
 *
 * <p>Why the result equals a consistent copy (the watermark method of DBLog, without writing to the
 * source): a chunk's SELECT sees the table at some moment between its low and high watermark. The
 * stream records every key of the table it carries from before the low watermark on; when the chunk is
 * placed, at a transaction boundary at or after the high watermark, every row whose key the stream
 * changed since the low watermark is left out, since the stream already carried that row's newer state.
 * Every other row is unchanged from the low watermark to the placement point, so the SELECT's value is
 * the row's value there. A row is thus never emitted in an older state after a newer one.
 *
 * <p>The snapshot's progress lives here too, changed in stream order and handed down the pipeline with
 * the rows ({@link SnapshotRows}), so a checkpoint holds exactly the chunks delivered before its position.
 * Snapshot requests from the signal table ({@link SnapshotSignals}) join the progress at the end of the
 * transaction that wrote them.
 *
 * <p>Thread-safe: the reader thread puts items; snapshot threads claim tables and offer chunks. One lock
 * orders both, so no chunk lands inside a transaction.
 */
public final class SnapshotStream implements StreamOutput {

    /** Rows per item handed to the pipeline: several items let the encoder threads share a chunk. */
    private static final int ROWS_PER_ITEM = 1024;

    private final StreamOutput next;
    private final SnapshotSignals signals;
    private final Runnable onFinished;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final RowKeys keys = new RowKeys();
    private final Map<String, ChangedKeys> active = new HashMap<>();
    private final Map<String, ReadyChunk> ready = new LinkedHashMap<>();
    private final Map<String, Integer> placedRows = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final List<TableProgress> requested = new ArrayList<>();
    private SnapshotProgress progress;
    private boolean inTransaction;
    private BinlogPosition lastEnd;
    private Watermark readTo;

    /**
     * @param next       the pipeline
     * @param start      where the stream starts, and the snapshot progress it starts with (or {@code null})
     * @param signals    recognises snapshot requests in the stream, or {@code null} without a signal table
     * @param onFinished runs (on the reader thread) when the last table of a snapshot is placed
     */
    public SnapshotStream(StreamOutput next, BinlogPosition start, SnapshotProgress progress, SnapshotSignals signals,
                          Runnable onFinished) {
        this.next = next;
        this.signals = signals;
        this.onFinished = onFinished;
        this.progress = progress;
        this.lastEnd = start;
        this.readTo = Watermark.of(start);
        this.inTransaction = start.rowsToSkip() > 0;
    }

    @Override
    public void put(StreamItem item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (item instanceof RowsChange change) {
                inTransaction = true;
                if (signals != null && signals.isSignalTable(change.table())) {
                    requested.addAll(signals.requests(change)); // not published: instructions, not data
                    return;
                }
                // Most of the time no table is being read: no name to build, no lookup per change.
                ChangedKeys changes = active.isEmpty() ? null : active.get(change.table().schema().qualifiedName());
                if (changes != null) {
                    record(change, changes);
                }
                next.put(item);
            } else if (item instanceof TransactionEnd end) {
                if (!requested.isEmpty()) {
                    // Before the transaction end: a checkpoint after the signal must include the request.
                    progress = SnapshotProgress.plus(progress, requested);
                    requested.clear();
                    next.put(new SnapshotRows(null, null, progress));
                    changed.signalAll();
                }
                next.put(item);
                inTransaction = false;
                lastEnd = end.next();
                readTo = Watermark.max(readTo, Watermark.of(lastEnd));
                placeReady();
            } else {
                next.put(item);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void readThrough(String file, long offset) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (!inTransaction) {
                readTo = Watermark.max(readTo, new Watermark(file, offset));
                placeReady();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The snapshot's progress as of the stream's current point, or {@code null} when none runs. */
    public SnapshotProgress progress() {
        lock.lock();
        try {
            return progress;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a table of the progress no other snapshot thread works on, claims it and starts
     * recording the stream's changes of its keys.
     */
    TableProgress claim() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (progress != null) {
                    for (TableProgress table : progress.tables()) {
                        if (claimed.add(table.qualifiedName())) {
                            active.put(table.qualifiedName(), new ChangedKeys());
                            return table;
                        }
                    }
                }
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The table's progress now (its saved key may have moved since it was claimed). */
    TableProgress current(String table) {
        lock.lock();
        try {
            return progress == null ? null : progress.find(table);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands a chunk over and waits until it is placed into the stream.
     *
     * @return how many of its rows were emitted; the others were left out because the stream changed them
     */
    int offer(ReadyChunk chunk) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            ready.put(chunk.name(), chunk);
            try {
                placeReady();
                while (ready.get(chunk.name()) == chunk) {
                    changed.await(1, TimeUnit.SECONDS);
                }
            } finally {
                ready.remove(chunk.name(), chunk);
            }
            Integer placed = placedRows.remove(chunk.name());
            return placed == null ? 0 : placed;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the snapshot of a table that cannot be read (it was dropped), in stream order. */
    void abandon(String table) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            release(table);
            if (progress != null && progress.find(table) != null) {
                progress = progress.without(table);
                next.put(new SnapshotRows(null, null, progress));
                finishedIfDone();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops recording the table's keys and lets another thread claim it (after a failure, or at the end). */
    void release(String table) {
        lock.lock();
        try {
            active.remove(table);
            claimed.remove(table);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void record(RowsChange change, ChangedKeys changes) {
        // The transaction's start: watermarks are transaction boundaries, and MariaDB may log rows events
        // with no offset of their own.
        Watermark at = new Watermark(change.transaction().file(), change.transaction().offset());
        var schema = change.table().schema();
        for (int i = 0; i < change.rowCount(); i++) {
            if (change.before() != null) {
                changes.add(at, keys.of(schema, change.before().get(i), change.beforeColumns()));
            }
            if (change.after() != null) {
                changes.add(at, keys.of(schema, change.after().get(i), change.afterColumns()));
            }
        }
    }

    /** Places every chunk whose high watermark the stream has passed; only between transactions. */
    private void placeReady() throws InterruptedException {
        if (inTransaction || ready.isEmpty()) {
            return;
        }
        for (Iterator<ReadyChunk> it = ready.values().iterator(); it.hasNext(); ) {
            ReadyChunk chunk = it.next();
            if (readTo.atOrAfter(chunk.high())) {
                it.remove();
                place(chunk);
                changed.signalAll();
            }
        }
    }

    private void place(ReadyChunk chunk) throws InterruptedException {
        String name = chunk.name();
        TableProgress table = progress == null ? null : progress.find(name);
        ChangedKeys changes = active.get(name);
        if (table == null || changes == null) {
            placedRows.put(name, 0);
            return; // no longer part of the snapshot
        }
        Set<String> changedKeys = changes.since(chunk.low());
        List<Serializable[]> kept = new ArrayList<>(chunk.rows().size());
        for (Serializable[] row : chunk.rows()) {
            String key = keys.of(chunk.table().schema(), row, null);
            if (key == null || !changedKeys.contains(key)) {
                kept.add(row);
            }
        }
        SnapshotProgress after = chunk.last() ? progress.without(name)
                : progress.with(table.after(chunk.lastKey(), chunk.rows().size()));
        BinlogPosition at = lastEnd;
        TransactionInfo source = new TransactionInfo("snapshot:" + name + "@" + at.file() + ":" + at.offset(), null,
                at.file(), at.offset(), at.gtidSet());
        long now = System.currentTimeMillis();
        for (int from = 0; from < kept.size(); from += ROWS_PER_ITEM) {
            int to = Math.min(kept.size(), from + ROWS_PER_ITEM);
            RowsChange rows = new RowsChange(source, chunk.table(), Operation.READ, null, kept.subList(from, to),
                    null, null, table.rowsDone() + from, from, at.offset(), 0, now);
            next.put(new SnapshotRows(rows, at, to == kept.size() ? after : progress));
        }
        if (kept.isEmpty()) {
            next.put(new SnapshotRows(null, null, after));
        }
        progress = after;
        placedRows.put(name, kept.size());
        changes.forgetBefore(chunk.low());
        if (chunk.last()) {
            active.remove(name);
            claimed.remove(name);
        }
        finishedIfDone();
    }

    private void finishedIfDone() {
        if (progress == null && onFinished != null) {
            onFinished.run();
        }
    }
}
