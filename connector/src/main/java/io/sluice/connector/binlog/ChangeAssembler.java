package io.sluice.connector.binlog;

import com.github.shyiko.mysql.binlog.GtidSet;
import com.github.shyiko.mysql.binlog.MariadbGtidSet;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.GtidTaggedEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.event.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Turns binlog events, in the order the server sends them, into {@link StreamItem}s, and keeps track
 * of where the stream stands: the current file, the open transaction, how many of its rows were seen,
 * and the GTIDs completed. Event types are dispatched through a table; types not in it carry nothing
 * Sluice needs (format descriptions, heartbeats, previous-GTID lists).
 *
 * <p>Used by the reader thread only.
 */
final class ChangeAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeAssembler.class);

    @FunctionalInterface
    private interface Handler {
        /** @param header the header that places the event: the enclosing payload's for compressed events */
        void handle(Event event, EventHeaderV4 header) throws Exception;
    }

    private final TableRegistry tables;
    private final StreamOutput output;
    private final GtidSet gtids;
    private final Map<EventType, Handler> handlers = new EnumMap<>(EventType.class);

    private String file;
    private TransactionInfo transaction;
    /** Inside BEGIN ... COMMIT (or a MariaDB GTID group): statements other than COMMIT do not end it. */
    private boolean explicit;
    private long rowsSeen;
    private long rowsToSkip;
    private BinlogPosition lastEnd;

    /**
     * @param start where reading starts: the server will send events from {@code start.offset()} of
     *              {@code start.file()}, and the first {@code start.rowsToSkip()} rows are not emitted again
     */
    ChangeAssembler(TableRegistry tables, StreamOutput output, BinlogPosition start, boolean mariadb) {
        this.tables = tables;
        this.output = output;
        restartAt(start);
        String gtidText = start.gtidSet() == null ? "" : start.gtidSet();
        this.gtids = mariadb ? new MariadbGtidSet(gtidText) : new GtidSet(gtidText);

        handlers.put(EventType.ROTATE, (e, h) -> {
            RotateEventData rotate = e.getData();
            file = rotate.getBinlogFilename();
            if (transaction == null && rowsToSkip == 0) {
                output.readThrough(file, rotate.getBinlogPosition());
            }
        });
        handlers.put(EventType.GTID, (e, h) -> begin(h, ((GtidEventData) e.getData()).getMySqlGtid().toString()));
        handlers.put(EventType.GTID_TAGGED, (e, h) -> begin(h, ((GtidTaggedEventData) e.getData()).getGtid()));
        handlers.put(EventType.ANONYMOUS_GTID, (e, h) -> begin(h, null));
        handlers.put(EventType.MARIADB_GTID, (e, h) -> {
            MariadbGtidEventData d = e.getData();
            // The event's own server id field is only filled in the client's GTID mode; the header's always is.
            begin(h, d.getDomainId() + "-" + h.getServerId() + "-" + d.getSequence());
            explicit = (d.getFlags() & MariadbGtidEventData.FL_STANDALONE) == 0;
        });
        handlers.put(EventType.QUERY, (e, h) -> query((QueryEventData) e.getData(), h));
        handlers.put(EventType.TABLE_MAP, (e, h) -> tables.onTableMap((TableMapEventData) e.getData()));
        handlers.put(EventType.XID, (e, h) -> end(h));
        handlers.put(EventType.XA_PREPARE, (e, h) -> end(h));
        Handler inserts = (e, h) -> {
            WriteRowsEventData d = e.getData();
            rows(h, d.getTableId(), Operation.CREATE, null, d.getRows(), null, d.getIncludedColumns());
        };
        Handler updates = (e, h) -> {
            UpdateRowsEventData d = e.getData();
            List<Serializable[]> before = new ArrayList<>(d.getRows().size());
            List<Serializable[]> after = new ArrayList<>(d.getRows().size());
            for (Map.Entry<Serializable[], Serializable[]> row : d.getRows()) {
                before.add(row.getKey());
                after.add(row.getValue());
            }
            rows(h, d.getTableId(), Operation.UPDATE, before, after, d.getIncludedColumnsBeforeUpdate(),
                    d.getIncludedColumns());
        };
        Handler deletes = (e, h) -> {
            DeleteRowsEventData d = e.getData();
            rows(h, d.getTableId(), Operation.DELETE, d.getRows(), null, d.getIncludedColumns(), null);
        };
        handlers.put(EventType.WRITE_ROWS, inserts);
        handlers.put(EventType.EXT_WRITE_ROWS, inserts);
        handlers.put(EventType.UPDATE_ROWS, updates);
        handlers.put(EventType.EXT_UPDATE_ROWS, updates);
        handlers.put(EventType.DELETE_ROWS, deletes);
        handlers.put(EventType.EXT_DELETE_ROWS, deletes);
        handlers.put(EventType.PARTIAL_UPDATE_ROWS_EVENT, (e, h) -> {
            throw new IllegalStateException("the server wrote a partial JSON update (binlog_row_value_options ="
                    + " PARTIAL_JSON, possibly set for one session), which Sluice cannot decode. Set"
                    + " binlog_row_value_options='' globally and for the writing sessions.");
        });
        handlers.put(EventType.UNKNOWN, (e, h) -> {
            if (transaction != null) {
                throw new IllegalStateException("the server wrote an event of a type Sluice cannot read inside a"
                        + " transaction (for MariaDB, log_bin_compress=ON writes such events); its rows would be lost."
                        + " Turn log_bin_compress off.");
            }
        });
        handlers.put(EventType.TRANSACTION_PAYLOAD, (e, h) -> {
            // A compressed transaction: its inner events carry no usable offsets, so they are placed
            // at the payload event itself.
            for (Event inner : ((TransactionPayloadEventData) e.getData()).getUncompressedEvents()) {
                accept(inner, h);
            }
        });
    }

    /**
     * Forgets the open transaction before a (re)connection: the server sends from {@code position},
     * so the transaction is read again from its start and its first rows are skipped.
     */
    void restartAt(BinlogPosition position) {
        file = position.file();
        transaction = null;
        explicit = false;
        rowsSeen = 0;
        rowsToSkip = position.rowsToSkip();
        lastEnd = new BinlogPosition(position.file(), position.offset(), 0, position.gtidSet());
    }

    /** Handles one event. */
    void accept(Event event) throws Exception {
        accept(event, event.getHeader());
    }

    private void accept(Event event, EventHeaderV4 header) throws Exception {
        Handler handler = handlers.get(event.getHeader().getEventType());
        if (handler != null) {
            handler.handle(event, header);
        } else if (transaction == null && rowsToSkip == 0 && header.getNextPosition() > 0 && file != null
                && !file.isEmpty()) {
            output.readThrough(file, header.getNextPosition()); // format description, heartbeat, GTID list ...
        }
    }

    /**
     * Where to reconnect so that nothing already handed on is repeated and nothing is missed: the open
     * transaction's start with the rows seen so far skipped, or the end of the last transaction.
     */
    BinlogPosition resumePosition() {
        if (transaction != null) {
            return new BinlogPosition(transaction.file(), transaction.offset(), Math.max(rowsSeen, rowsToSkip),
                    transaction.gtidSetBefore());
        }
        return rowsToSkip > 0 ? new BinlogPosition(lastEnd.file(), lastEnd.offset(), rowsToSkip, lastEnd.gtidSet())
                : lastEnd;
    }

    private void begin(EventHeaderV4 header, String gtid) {
        if (transaction != null) {
            return;
        }
        long offset = header.getPosition();
        String before = gtids.toString();
        transaction = new TransactionInfo(gtid != null ? gtid : file + ":" + offset, gtid, file, offset,
                before.isEmpty() ? null : before);
        rowsSeen = 0;
    }

    private void query(QueryEventData data, EventHeaderV4 header) throws InterruptedException {
        String sql = data.getSql();
        if ("BEGIN".equalsIgnoreCase(sql) || startsWithIgnoreCase(sql, "XA START")) {
            begin(header, null);
            explicit = true;
        } else if ("COMMIT".equalsIgnoreCase(sql) || "ROLLBACK".equalsIgnoreCase(sql)) {
            end(header);
        } else if (explicit) {
            return; // SAVEPOINT, ROLLBACK TO SAVEPOINT, XA END ...: the transaction goes on
        } else {
            // DDL and XA COMMIT/ROLLBACK are transactions of their own; DDL may change any table.
            if (startsWithIgnoreCase(sql, "XA ROLLBACK")) {
                // The prepared part was emitted at XA PREPARE, as Debezium does; say so rather than stay silent.
                LOG.warn("{} at {}:{}: the rows of this XA transaction were already emitted when it was prepared;"
                        + " consumers must undo them", sql, file, header.getPosition());
            } else if (!startsWithIgnoreCase(sql, "XA ")) {
                tables.clear();
            }
            begin(header, null);
            end(header);
        }
    }

    private void end(EventHeaderV4 header) throws InterruptedException {
        if (transaction != null && transaction.gtid() != null) {
            gtids.add(transaction.gtid());
        }
        transaction = null;
        explicit = false;
        rowsSeen = 0;
        rowsToSkip = 0;
        String gtidText = gtids.toString();
        lastEnd = new BinlogPosition(file, header.getNextPosition(), 0, gtidText.isEmpty() ? null : gtidText);
        output.put(new TransactionEnd(lastEnd));
    }

    private void rows(EventHeaderV4 header, long tableId, Operation operation, List<Serializable[]> before,
                      List<Serializable[]> after, BitSet beforeColumns, BitSet afterColumns)
            throws InterruptedException {
        if (transaction == null) {
            begin(header, null);
        }
        int count = after != null ? after.size() : before.size();
        long first = rowsSeen;
        rowsSeen += count;
        if (!tables.knows(tableId)) {
            throw new IllegalStateException("rows for table id " + tableId + " arrived without the TABLE_MAP event"
                    + " that describes them");
        }
        CapturedTable table = tables.captured(tableId);
        if (table == null || rowsSeen <= rowsToSkip) {
            return;
        }
        before = randomAccess(before);
        after = randomAccess(after);
        int skip = (int) Math.max(0, rowsToSkip - first);
        if (skip > 0) {
            before = before == null ? null : before.subList(skip, count);
            after = after == null ? null : after.subList(skip, count);
        }
        output.put(new RowsChange(transaction, table, operation, before, after, beforeColumns, afterColumns,
                first + skip, skip, header.getPosition(), header.getServerId(), header.getTimestamp()));
    }

    /** The binlog client hands rows as linked lists; the encoder reads them by index. */
    private static List<Serializable[]> randomAccess(List<Serializable[]> rows) {
        return rows == null || rows instanceof RandomAccess ? rows : new ArrayList<>(rows);
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
