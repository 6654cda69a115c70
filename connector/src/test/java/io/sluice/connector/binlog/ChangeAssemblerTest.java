package io.sluice.connector.binlog;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.sluice.connector.config.FilterConfig;
import io.sluice.connector.filter.TableFilter;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.schema.InformationSchemaSchemas;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Transaction tracking and row skipping, on hand-built binlog events. */
class ChangeAssemblerTest {

    private static final String FILE = "binlog.000007";
    private final List<StreamItem> out = new ArrayList<>();

    private ChangeAssembler assembler(BinlogPosition start) {
        TableRegistry tables = new TableRegistry(new TableFilter(FilterConfig.EVERYTHING),
                new InformationSchemaSchemas(() -> {
                    throw new AssertionError("FULL metadata needs no information schema");
                }), false);
        return new ChangeAssembler(tables, out::add, start, false);
    }

    /** One transaction at offset 100: two rows events of three rows each, ending at 531. */
    private static List<Event> transaction() {
        return List.of(
                event(EventType.ANONYMOUS_GTID, 100, 150, null),
                event(EventType.QUERY, 150, 200, query("BEGIN")),
                event(EventType.TABLE_MAP, 200, 300, tableMap()),
                event(EventType.EXT_WRITE_ROWS, 300, 400, rows(1, 2, 3)),
                event(EventType.EXT_WRITE_ROWS, 400, 500, rows(4, 5, 6)),
                event(EventType.XID, 500, 531, new XidEventData()));
    }

    @Test
    void reconnectInTheMiddleOfATransactionRepeatsAndLosesNothing() throws Exception {
        ChangeAssembler assembler = assembler(new BinlogPosition(FILE, 100, 0, null));
        List<Event> events = transaction();
        for (Event event : events.subList(0, 4)) {
            assembler.accept(event);
        }
        assertEquals(List.of(1, 2, 3), ids());

        // The connection drops; the reader reconnects where the assembler says and replays from there.
        BinlogPosition resume = assembler.resumePosition();
        assertEquals(new BinlogPosition(FILE, 100, 3, null), resume);
        assembler.restartAt(resume);
        for (Event event : events) {
            assembler.accept(event);
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ids(), "rows 1-3 are not emitted again");
        RowsChange second = (RowsChange) out.get(1);
        assertEquals(3, second.firstRowIndex(), "row indexes (and so event ids) are those of the first reading");
        TransactionEnd end = assertInstanceOf(TransactionEnd.class, out.get(2));
        assertEquals(new BinlogPosition(FILE, 531, 0, null), end.next());
    }

    @Test
    void resumeFromACheckpointInsideARowsEventSkipsExactlyTheEmittedRows() throws Exception {
        ChangeAssembler assembler = assembler(new BinlogPosition(FILE, 100, 4, null));
        for (Event event : transaction()) {
            assembler.accept(event);
        }
        assertEquals(List.of(5, 6), ids());
        RowsChange change = (RowsChange) out.get(0);
        assertEquals(4, change.firstRowIndex());
        assertEquals(1, change.firstRowInEvent(), "row 5 is the second row of its event");
    }

    @Test
    void savepointInsideATransactionDoesNotEndIt() throws Exception {
        ChangeAssembler assembler = assembler(new BinlogPosition(FILE, 100, 0, null));
        List<Event> events = new ArrayList<>(transaction());
        events.add(4, event(EventType.QUERY, 400, 400, query("SAVEPOINT `s1`")));
        for (Event event : events) {
            assembler.accept(event);
        }
        assertEquals(3, out.size(), "two row changes and one transaction end");
        assertEquals(((RowsChange) out.get(0)).transaction(), ((RowsChange) out.get(1)).transaction());
    }

    private List<Integer> ids() {
        List<Integer> ids = new ArrayList<>();
        for (StreamItem item : out) {
            if (item instanceof RowsChange change) {
                for (Serializable[] row : change.after()) {
                    ids.add((Integer) row[0]);
                }
            }
        }
        return ids;
    }

    private static Event event(EventType type, long position, long next, EventData data) {
        EventHeaderV4 header = new EventHeaderV4();
        header.setEventType(type);
        header.setServerId(1);
        header.setEventLength(next - position);
        header.setNextPosition(next);
        return new Event(header, data);
    }

    private static QueryEventData query(String sql) {
        QueryEventData data = new QueryEventData();
        data.setSql(sql);
        return data;
    }

    private static TableMapEventData tableMap() {
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setColumnNames(List.of("id"));
        metadata.setSimplePrimaryKeys(List.of(0));
        metadata.setSignedness(new BitSet());
        TableMapEventData data = new TableMapEventData();
        data.setTableId(42);
        data.setDatabase("shop");
        data.setTable("orders");
        data.setColumnTypes(new byte[] {(byte) ColumnType.LONG.getCode()});
        data.setColumnMetadata(new int[] {0});
        data.setColumnNullability(new BitSet());
        data.setEventMetadata(metadata);
        return data;
    }

    private static WriteRowsEventData rows(int... ids) {
        WriteRowsEventData data = new WriteRowsEventData();
        data.setTableId(42);
        BitSet columns = new BitSet();
        columns.set(0);
        data.setIncludedColumns(columns);
        List<Serializable[]> rows = new java.util.LinkedList<>(); // as the client hands them
        for (int id : ids) {
            rows.add(new Serializable[] {id});
        }
        data.setRows(rows);
        return data;
    }
}
