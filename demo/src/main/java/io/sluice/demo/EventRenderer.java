package io.sluice.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.demo.Palette.Style;
import io.sluice.event.ChangeEvent;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one change event into two lines for people to read: when, what happened (the op letter), to
 * which table and key; then the row's values, or for an update only the columns that changed, from
 * before to after.
 *
 * <pre>
 * 14:03:07  u  shop.orders       id=10000000000000000003
 *           status: paid → shipped
 * </pre>
 *
 * Values are shown as the event carries them: strings bare unless they are empty or hold white space
 * (then JSON-quoted, so the reader sees where they end), long ones shortened. Immutable and thread-safe.
 */
final class EventRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Long enough for the demo's table names, so the keys line up. */
    private static final int TABLE_WIDTH = 16;
    /** Past this many characters a value is cut: a row should stay about a line wide. */
    private static final int MAX_VALUE_LENGTH = 48;
    /** The second line starts under the op letter: the clock's width and its gap. */
    private static final String INDENT = " ".repeat(10);

    private final Palette palette;
    private final ZoneId zone;

    /** @param zone the time zone of the clock shown at the start of each event */
    EventRenderer(Palette palette, ZoneId zone) {
        this.palette = palette;
        this.zone = zone;
    }

    /** The event's two lines, each ending in a newline. */
    String render(ChangeEvent event) throws IOException {
        JsonNode value = JSON.readTree(event.value());
        String clock = CLOCK.format(Instant.ofEpochMilli(value.path("ts_ms").asLong()).atZone(zone));
        String table = event.database() + "." + event.table();
        JsonNode key = event.key() == null ? null : JSON.readTree(event.key());
        Set<String> keyColumns = new HashSet<>();
        if (key != null) {
            key.fieldNames().forEachRemaining(keyColumns::add);
        }
        String detail = switch (event.operation()) {
            case CREATE, READ -> image(value.get("after"), keyColumns);
            case DELETE -> image(value.get("before"), keyColumns);
            case UPDATE -> changes(value.get("before"), value.get("after"));
        };
        return palette.paint(Style.FRAME, clock) + "  " + palette.paint(opStyle(event), event.operation().code())
                + "  " + palette.paint(Style.TABLE, String.format("%-" + TABLE_WIDTH + "s", table)) + "  "
                + palette.paint(Style.KEY, key(key)) + "\n"
                + INDENT + detail + "\n";
    }

    private static Style opStyle(ChangeEvent event) {
        return switch (event.operation()) {
            case CREATE -> Style.CREATE;
            case UPDATE -> Style.UPDATE;
            case DELETE -> Style.DELETE;
            case READ -> Style.READ;
        };
    }

    private static String key(JsonNode key) {
        if (key == null) {
            return "(no key)";
        }
        List<String> columns = new ArrayList<>();
        for (Map.Entry<String, JsonNode> column : key.properties()) {
            columns.add(column.getKey() + "=" + text(column.getValue()));
        }
        return String.join(" ", columns);
    }

    /** Every column but the key's (the first line shows those) as name=value. */
    private String image(JsonNode row, Set<String> keyColumns) {
        List<String> columns = new ArrayList<>();
        for (Map.Entry<String, JsonNode> column : row.properties()) {
            if (keyColumns.contains(column.getKey())) {
                continue;
            }
            JsonNode cell = column.getValue();
            columns.add(palette.paint(Style.FRAME, column.getKey() + "=")
                    + (cell.isNull() ? palette.paint(Style.NULL, "null") : text(cell)));
        }
        return String.join(" ", columns);
    }

    /** The columns whose value differs, as name: before → after. */
    private String changes(JsonNode before, JsonNode after) {
        List<String> columns = new ArrayList<>();
        for (Map.Entry<String, JsonNode> column : after.properties()) {
            JsonNode old = before.get(column.getKey());
            if (!Objects.equals(old, column.getValue())) {
                columns.add(palette.paint(Style.FRAME, column.getKey() + ": ")
                        + palette.paint(Style.OLD, text(old)) + palette.paint(Style.FRAME, " → ")
                        + palette.paint(Style.NEW, text(column.getValue())));
            }
        }
        // MySQL logs no update that changes nothing; this remains for columns left out of events by a filter.
        return columns.isEmpty() ? palette.paint(Style.FRAME, "(no column changed)") : String.join(" ", columns);
    }

    private static String text(JsonNode cell) {
        if (cell == null || cell.isNull()) {
            return "null";
        }
        if (!cell.isTextual()) {
            return shorten(cell.toString());
        }
        String shown = shorten(cell.textValue());
        return isBare(shown) ? shown : quote(shown);
    }

    /**
     * Whether a string reads unambiguously without quotes: not empty, no white space or control
     * characters; or a JSON column's document, which shows its own bounds.
     */
    private static boolean isBare(String text) {
        return !text.isEmpty() && (text.codePoints().noneMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c)) || text.startsWith("{") || text.startsWith("["));
    }

    private static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_VALUE_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_VALUE_LENGTH - 1)) + "…";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always converts to JSON", e);
        }
    }
}
