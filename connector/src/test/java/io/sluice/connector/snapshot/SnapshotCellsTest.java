package io.sluice.connector.snapshot;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.sluice.connector.decode.InvalidDate;
import io.sluice.connector.decode.InvalidDateTime;
import io.sluice.connector.schema.ColumnSchema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Server text to binlog cells; the integration tests check the same against real servers. */
class SnapshotCellsTest {

    private static ColumnSchema column(ColumnType type, int meta, boolean unsigned, int collation) {
        return new ColumnSchema(0, "c", type, meta, unsigned, collation, List.of(), List.of(), 0, null);
    }

    private static Object cell(ColumnType type, boolean unsigned, String text) {
        return SnapshotCells.decode(column(type, 0, unsigned, ColumnSchema.NO_COLLATION),
                text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unsignedIntegersKeepTheBitsTheBinlogHolds() {
        assertEquals(-1, cell(ColumnType.TINY, true, "255"));
        assertEquals(-1, cell(ColumnType.SHORT, true, "65535"));
        assertEquals(-1, cell(ColumnType.INT24, true, "16777215"));
        assertEquals(-8388608, cell(ColumnType.INT24, false, "-8388608"));
        assertEquals(-1, cell(ColumnType.LONG, true, "4294967295"));
        assertEquals(-1L, cell(ColumnType.LONGLONG, true, "18446744073709551615"));
        assertEquals(Long.MIN_VALUE, cell(ColumnType.LONGLONG, false, "-9223372036854775808"));
    }

    @Test
    void numbersAreExact() {
        assertEquals(1.1f, cell(ColumnType.FLOAT, false, "1.100000023841858"));
        assertEquals(new BigDecimal("-12345678.90"), cell(ColumnType.NEWDECIMAL, false, "-12345678.90"));
        assertEquals(0, cell(ColumnType.YEAR, false, "0000"));
        assertEquals(-1L, cell(ColumnType.SET, false, "18446744073709551615"));
    }

    @Test
    void temporalsKeepInvalidAndOutOfDayValues() {
        assertEquals(InvalidDate.ZERO, cell(ColumnType.DATE, false, "0000-00-00"));
        assertEquals(new InvalidDate(2024, 2, 30), cell(ColumnType.DATE, false, "2024-02-30"));
        assertEquals(LocalDate.of(2024, 2, 29), cell(ColumnType.DATE, false, "2024-02-29"));
        assertEquals(Duration.ofHours(-838).minusMinutes(59).minusSeconds(59), cell(ColumnType.TIME_V2, false, "-838:59:59"));
        assertEquals(Duration.ofNanos(-1_000_000), cell(ColumnType.TIME_V2, false, "-00:00:00.001"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 7, 500_000_000),
                cell(ColumnType.DATETIME_V2, false, "2024-02-29 13:45:07.5"));
        assertEquals(new InvalidDateTime(2024, 5, 0, 8, 0, 0, 0), cell(ColumnType.DATETIME_V2, false, "2024-05-00 08:00:00"));
        assertEquals(InvalidDateTime.ZERO, cell(ColumnType.TIMESTAMP_V2, false, "0000-00-00 00:00:00"));
        assertEquals(Instant.parse("2038-01-19T03:14:07.999999Z"),
                cell(ColumnType.TIMESTAMP_V2, false, "2038-01-19 03:14:07.999999"));
    }

    @Test
    void binaryCharDropsItsZeroPaddingAsTheBinlogDoes() {
        ColumnSchema binary4 = column(ColumnType.STRING, 0xFE04, false, ColumnSchema.BINARY_COLLATION);
        assertArrayEquals(new byte[] {0x61}, (byte[]) SnapshotCells.decode(binary4, new byte[] {0x61, 0, 0, 0}));
        assertArrayEquals(new byte[0], (byte[]) SnapshotCells.decode(binary4, new byte[4]));
        ColumnSchema varbinary = column(ColumnType.VARCHAR, 10, false, ColumnSchema.BINARY_COLLATION);
        assertArrayEquals(new byte[] {0, 1, 0}, (byte[]) SnapshotCells.decode(varbinary, new byte[] {0, 1, 0}));
    }

    @Test
    void mysqlJsonTextIsCompactedOutsideStrings() {
        assertEquals("{\"a\":[1,\"x, y: \\\"z\\\"\"],\"b\":{\"c\":null}}",
                cell(ColumnType.JSON, false, "{\"a\": [1, \"x, y: \\\"z\\\"\"], \"b\": {\"c\": null}}"));
    }

    @Test
    void sqlNullIsNull() {
        assertNull(SnapshotCells.decode(column(ColumnType.LONG, 0, false, ColumnSchema.NO_COLLATION), null));
    }
}
