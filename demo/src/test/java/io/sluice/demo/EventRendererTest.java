package io.sluice.demo;

import io.sluice.event.ChangeEvent;
import io.sluice.event.Operation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRendererTest {

    /** 2024-05-06T07:08:09Z */
    private static final long TS = 1_714_979_289_000L;
    private static final EventRenderer PLAIN = new EventRenderer(Palette.PLAIN, ZoneOffset.UTC);
    private static final EventRenderer COLOUR = new EventRenderer(Palette.COLOUR, ZoneOffset.UTC);

    private static ChangeEvent event(Operation op, String table, String key, String before, String after) {
        String value = "{\"before\":" + before + ",\"after\":" + after + ",\"source\":{\"db\":\"shop\",\"table\":\""
                + table + "\"},\"op\":\"" + op.code() + "\",\"ts_ms\":" + TS + "}";
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return new ChangeEvent(1, "gtid:1#0", op, "shop", table, keyBytes, value.getBytes(StandardCharsets.UTF_8),
                "gtid:1", TS);
    }

    @Test
    void anInsertShowsTimeOpTableAndKeyThenTheRowWithoutItsKey() throws Exception {
        String text = PLAIN.render(event(Operation.CREATE, "customers", "{\"id\":7}", "null",
                "{\"id\":7,\"name\":\"Zoë Ångström\",\"tier\":\"gold\",\"birthday\":null,\"newsletter\":1}"));
        assertEquals("07:08:09  c  shop.customers    id=7\n"
                + "          name=\"Zoë Ångström\" tier=gold birthday=null newsletter=1\n", text);
    }

    @Test
    void anUpdateShowsOnlyTheColumnsThatChangedFromBeforeToAfter() throws Exception {
        String text = PLAIN.render(event(Operation.UPDATE, "orders", "{\"id\":10000000000000000003}",
                "{\"id\":10000000000000000003,\"status\":\"paid\",\"total\":\"25.00\",\"note\":null}",
                "{\"id\":10000000000000000003,\"status\":\"shipped\",\"total\":\"25.00\",\"note\":\"at the door\"}"));
        assertEquals("07:08:09  u  shop.orders       id=10000000000000000003\n"
                + "          status: paid → shipped note: null → \"at the door\"\n", text);
    }

    @Test
    void anUpdateThatChangesNoShownColumnSaysSo() throws Exception {
        String text = PLAIN.render(event(Operation.UPDATE, "orders", "{\"id\":1}", "{\"id\":1,\"a\":2}",
                "{\"id\":1,\"a\":2}"));
        assertTrue(text.endsWith("          (no column changed)\n"), text);
    }

    @Test
    void aDeleteShowsTheRowAsItWasAndASnapshotReadTheRowAsItIs() throws Exception {
        assertEquals("07:08:09  d  shop.orders       id=4\n          status=delivered\n",
                PLAIN.render(event(Operation.DELETE, "orders", "{\"id\":4}", "{\"id\":4,\"status\":\"delivered\"}",
                        "null")));
        assertEquals("07:08:09  r  shop.products     sku=TEA-001\n          price=12.50\n",
                PLAIN.render(event(Operation.READ, "products", "{\"sku\":\"TEA-001\"}", "null",
                        "{\"sku\":\"TEA-001\",\"price\":\"12.50\"}")));
    }

    @Test
    void valuesAreQuotedOnlyWhereTheirEndWouldNotShowAndLongOnesAreShortened() throws Exception {
        String text = PLAIN.render(event(Operation.CREATE, "t", null, "null",
                "{\"empty\":\"\",\"doc\":\"{\\\"colour\\\": \\\"dark blue\\\"}\",\"bytes\":\"iVBORw0KGgo=\","
                        + "\"long\":\"" + "x".repeat(60) + "\"}"));
        assertEquals("07:08:09  c  shop.t            (no key)\n"
                + "          empty=\"\" doc={\"colour\": \"dark blue\"} bytes=iVBORw0KGgo= long=" + "x".repeat(47)
                + "…\n", text);
    }

    @Test
    void colourPaintsEachOpInItsOwnColourAndTheChangeInRedAndGreen() throws Exception {
        ChangeEvent update = event(Operation.UPDATE, "orders", "{\"id\":1}", "{\"id\":1,\"status\":\"paid\"}",
                "{\"id\":1,\"status\":\"shipped\"}");
        String text = COLOUR.render(update);
        assertTrue(text.contains("\u001b[1;33mu\u001b[0m"), "the op letter in bold yellow: " + text);
        assertTrue(text.contains("\u001b[31mpaid\u001b[0m") && text.contains("\u001b[32mshipped\u001b[0m"), text);
        assertTrue(COLOUR.render(event(Operation.CREATE, "t", null, "null", "{\"a\":1}"))
                .contains("\u001b[1;32mc\u001b[0m"));
        assertTrue(COLOUR.render(event(Operation.DELETE, "t", null, "{\"a\":1}", "null"))
                .contains("\u001b[1;31md\u001b[0m"));
        assertTrue(COLOUR.render(event(Operation.READ, "t", null, "null", "{\"a\":null}"))
                .contains("\u001b[1;36mr\u001b[0m"));
        assertFalse(PLAIN.render(update).contains("\u001b"), "no escape without colour");
    }
}
