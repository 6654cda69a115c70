package io.sluice.connector.snapshot;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.sluice.connector.schema.ColumnSchema;
import io.sluice.connector.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysetQueryTest {

    private static final int UTF8MB4 = 255;
    private static final int LATIN1 = 8;
    private static final int BINARY = ColumnSchema.BINARY_COLLATION;
    private static final int NONE = ColumnSchema.NO_COLLATION;

    private static ColumnSchema column(int position, String name, ColumnType type, int meta, boolean unsigned,
                                       int collation, String declared) {
        return new ColumnSchema(position, name, type, meta, unsigned, collation, List.of(), List.of(), 0, declared);
    }

    private static TableSchema table(int[] key, ColumnSchema... columns) {
        return new TableSchema("shop", "orders", List.of(columns), key, true);
    }

    @Test
    void compositeKeyComparesAsARowInKeyOrderNotTableOrder() {
        KeysetQuery query = new KeysetQuery(table(new int[] {1, 0},
                column(0, "b", ColumnType.VARCHAR, 40, false, UTF8MB4, null),
                column(1, "a", ColumnType.LONG, 0, false, NONE, null),
                column(2, "v", ColumnType.LONG, 0, false, NONE, null)));

        assertEquals("SELECT `b`, `a`, `v` FROM `shop`.`orders` ORDER BY `a`, `b` LIMIT ?", query.first());
        assertEquals("SELECT `b`, `a`, `v` FROM `shop`.`orders`"
                + " WHERE `a` > CAST(? AS SIGNED) OR (`a` = CAST(? AS SIGNED) AND `b` > ?)"
                + " ORDER BY `a`, `b` LIMIT ?", query.after());
        assertArrayEquals(new int[] {0, 0, 1}, query.keyParameterColumns(), "parameters name key columns in key order");
    }

    @Test
    void aConditionNarrowsEveryChunk() {
        KeysetQuery query = new KeysetQuery(table(new int[] {0},
                column(0, "id", ColumnType.LONG, 0, false, NONE, null),
                column(1, "v", ColumnType.LONG, 0, false, NONE, null)), "v > 3 OR v IS NULL");
        assertEquals("SELECT `id`, `v` FROM `shop`.`orders` WHERE (v > 3 OR v IS NULL) ORDER BY `id` LIMIT ?", query.first());
        assertEquals("SELECT `id`, `v` FROM `shop`.`orders` WHERE (v > 3 OR v IS NULL) AND (`id` > CAST(? AS SIGNED))"
                + " ORDER BY `id` LIMIT ?", query.after());
    }

    @Test
    void threeColumnKeyExpandsIntoOneRangePerPrefix() {
        KeysetQuery query = new KeysetQuery(table(new int[] {0, 1, 2},
                column(0, "k1", ColumnType.LONG, 0, false, NONE, null),
                column(1, "k2", ColumnType.LONG, 0, false, NONE, null),
                column(2, "k3", ColumnType.LONG, 0, false, NONE, null)));

        assertEquals("SELECT `k1`, `k2`, `k3` FROM `shop`.`orders` WHERE `k1` > CAST(? AS SIGNED)"
                + " OR (`k1` = CAST(? AS SIGNED) AND `k2` > CAST(? AS SIGNED))"
                + " OR (`k1` = CAST(? AS SIGNED) AND `k2` = CAST(? AS SIGNED) AND `k3` > CAST(? AS SIGNED))"
                + " ORDER BY `k1`, `k2`, `k3` LIMIT ?", query.after());
        assertArrayEquals(new int[] {0, 0, 1, 0, 1, 2}, query.keyParameterColumns());
    }

    @Test
    void singleKeyIsOneComparison() {
        KeysetQuery query = new KeysetQuery(table(new int[] {0},
                column(0, "id", ColumnType.LONGLONG, 0, true, NONE, null)));

        assertEquals("SELECT `id` FROM `shop`.`orders` WHERE `id` > CAST(? AS UNSIGNED) ORDER BY `id` LIMIT ?",
                query.after());
        assertArrayEquals(new int[] {0}, query.keyParameterColumns());
    }

    @Test
    void keyPlaceholdersCompareEachTypeExactly() {
        KeysetQuery query = new KeysetQuery(table(new int[] {0},
                column(0, "d", ColumnType.NEWDECIMAL, 2 << 8 | 10, false, NONE, null)));
        assertTrue(query.after().contains(" WHERE `d` > CAST(? AS DECIMAL(10, 2)) "), query.after());

        assertEquals("CAST(? AS UNSIGNED)", KeyParameters.placeholder(column(0, "bits", ColumnType.BIT, 0x0104, false, NONE, null)));
        assertEquals("CAST(? AS DATETIME(6))", KeyParameters.placeholder(column(0, "at", ColumnType.DATETIME_V2, 3, false, NONE, null)));
        assertEquals("CAST(? AS DATETIME(6))", KeyParameters.placeholder(column(0, "ts", ColumnType.TIMESTAMP_V2, 0, false, NONE, null)));
        assertEquals("CAST(? AS TIME(6))", KeyParameters.placeholder(column(0, "tm", ColumnType.TIME_V2, 2, false, NONE, null)));
        assertEquals("CAST(? AS DATE)", KeyParameters.placeholder(column(0, "day", ColumnType.DATE, 0, false, NONE, null)));
        assertEquals("?", KeyParameters.placeholder(column(0, "e", ColumnType.ENUM, 0xF701, false, UTF8MB4, null)));
        assertEquals("INET6_NTOA(?)", KeyParameters.placeholder(column(0, "ip", ColumnType.STRING, 0xFE10, false, BINARY, "inet6")));
        assertEquals("?", KeyParameters.placeholder(column(0, "u", ColumnType.STRING, 0xFE10, false, BINARY, "uuid")));
        assertEquals("CAST(? AS UNSIGNED)", KeyParameters.placeholder(column(0, "tiny", ColumnType.TINY, 0, true, NONE, null)));
        assertEquals("?", KeyParameters.placeholder(column(0, "s", ColumnType.VARCHAR, 40, false, LATIN1, null)));
    }

    @Test
    void identifiersAreQuoted() {
        KeysetQuery query = new KeysetQuery(new TableSchema("my`db", "t", List.of(
                column(0, "x`y", ColumnType.LONG, 0, false, NONE, null)), new int[] {0}, true));
        assertEquals("SELECT `x``y` FROM `my``db`.`t` WHERE `x``y` > CAST(? AS SIGNED) ORDER BY `x``y` LIMIT ?",
                query.after());
    }

    @Test
    void columnsAreSelectedInTheFormTheirCellsNeed() {
        KeysetQuery query = new KeysetQuery(table(new int[] {0},
                column(0, "id", ColumnType.LONG, 0, false, NONE, null),
                column(1, "f", ColumnType.FLOAT, 4, false, NONE, null),
                column(2, "s", ColumnType.SET, 0xF801, false, UTF8MB4, null),
                column(3, "v4", ColumnType.STRING, 0xFE04, false, BINARY, "inet4"),
                column(4, "doc", ColumnType.JSON, 4, false, NONE, null)));

        assertTrue(query.first().startsWith("SELECT `id`, (`f` + 0E0), (`s` + 0), INET6_ATON(`v4`), `doc` FROM"),
                query.first());
    }

    @Test
    void tableWithoutKeyIsReadInOneQuery() {
        KeysetQuery query = new KeysetQuery(table(new int[0],
                column(0, "v", ColumnType.LONG, 0, false, NONE, null)));

        assertEquals("SELECT `v` FROM `shop`.`orders`", query.first());
        assertThrows(IllegalStateException.class, query::after);
    }

    @Test
    void keyCellsAreBoundAsExactValues() throws Exception {
        Map<Integer, Object> bound = new HashMap<>();
        PreparedStatement statement = recording(bound);

        KeyParameters.bind(statement, 1, column(0, "n", ColumnType.LONGLONG, 0, true, NONE, null), -1L);
        KeyParameters.bind(statement, 2, column(0, "t", ColumnType.TINY, 0, true, NONE, null), -1);
        KeyParameters.bind(statement, 3, column(0, "m", ColumnType.INT24, 0, false, NONE, null), -8388608);
        KeyParameters.bind(statement, 4, column(0, "d", ColumnType.NEWDECIMAL, 2 << 8 | 10, false, NONE, null),
                new BigDecimal("-12.50"));
        KeyParameters.bind(statement, 5, column(0, "bits", ColumnType.BIT, 0x0104, false, NONE, null),
                new byte[] {(byte) 0x81, 0x01});
        KeyParameters.bind(statement, 6, column(0, "b", ColumnType.STRING, 0xFE04, false, BINARY, null),
                new byte[] {0x61});
        KeyParameters.bind(statement, 7, column(0, "s", ColumnType.VARCHAR, 40, false, LATIN1, null),
                "café".getBytes(StandardCharsets.ISO_8859_1));
        KeyParameters.bind(statement, 8, column(0, "at", ColumnType.DATETIME_V2, 3, false, NONE, null),
                LocalDateTime.of(2024, 2, 29, 13, 45, 7, 123_000_000));
        KeyParameters.bind(statement, 9, column(0, "ts", ColumnType.TIMESTAMP_V2, 0, false, NONE, null),
                Instant.parse("2038-01-19T03:14:07Z"));
        KeyParameters.bind(statement, 10, column(0, "tm", ColumnType.TIME_V2, 6, false, NONE, null),
                Duration.ofHours(-838).minusMinutes(59).minusSeconds(59).minusNanos(1000));
        KeyParameters.bind(statement, 11, column(0, "day", ColumnType.DATE, 0, false, NONE, null),
                LocalDate.of(2024, 2, 29));
        KeyParameters.bind(statement, 12, column(0, "u", ColumnType.STRING, 0xFE10, false, BINARY, "uuid"),
                new byte[] {0x12, 0x3e, 0x45, 0x67, (byte) 0xe8, (byte) 0x9b, 0x12, (byte) 0xd3, (byte) 0xa4, 0x56,
                    0x42, 0x66, 0x55, 0x44});
        KeyParameters.bind(statement, 13, column(0, "e", ColumnType.ENUM, 0xF701, false, UTF8MB4, null), 2);
        KeyParameters.bind(statement, 14, column(0, "s", ColumnType.SET, 0xF808, false, UTF8MB4, null), -1L);

        assertEquals("18446744073709551615", bound.get(1));
        assertEquals("255", bound.get(2));
        assertEquals("-8388608", bound.get(3));
        assertEquals("-12.50", bound.get(4));
        assertEquals("33025", bound.get(5));
        assertArrayEquals(new byte[] {0x61, 0, 0, 0}, (byte[]) bound.get(6), "BINARY(4) as stored, zero-padded");
        assertEquals("café", bound.get(7));
        assertEquals("2024-02-29 13:45:07.123000", bound.get(8));
        assertEquals("2038-01-19 03:14:07.000000", bound.get(9));
        assertEquals("-838:59:59.000001", bound.get(10));
        assertEquals("2024-02-29", bound.get(11));
        assertEquals("123e4567-e89b-12d3-a456-426655440000", bound.get(12), "trailing zero bytes put back");
        assertEquals(2L, bound.get(13));
        assertEquals(new BigDecimal("18446744073709551615"), bound.get(14));
    }

    @Test
    void nullKeyCellIsRefusedWithTheColumnName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyParameters.bind(
                recording(new HashMap<>()), 1, column(0, "code", ColumnType.VARCHAR, 40, false, UTF8MB4, null), null));
        assertTrue(e.getMessage().contains("code"), e.getMessage());
    }

    @Test
    void keyOfATypeThatCannotOrderIsRefused() {
        Serializable json = "{}";
        assertThrows(IllegalArgumentException.class, () -> KeyParameters.bind(recording(new HashMap<>()), 1,
                column(0, "doc", ColumnType.JSON, 4, false, NONE, null), json));
    }

    /** A statement that records {@code setXxx(index, value)} calls and supports nothing else. */
    private static PreparedStatement recording(Map<Integer, Object> bound) {
        return (PreparedStatement) Proxy.newProxyInstance(KeysetQueryTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length == 2) {
                        bound.put((Integer) args[0], args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName() + Arrays.toString(args));
                });
    }
}
