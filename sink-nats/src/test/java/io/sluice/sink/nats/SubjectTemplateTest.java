package io.sluice.sink.nats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectTemplateTest {

    @Test
    void replacesPlaceholdersAndUnsafeCharacters() {
        SubjectTemplate template = new SubjectTemplate("{prefix}.{database}.{table}", "sluice");
        assertEquals("sluice.shop.orders", template.subject("shop", "orders"));
        assertEquals("sluice.my_db.a_b_c_d", template.subject("my.db", "a b*c>d"));
        assertEquals("sluice.*.*", template.wildcard());
    }

    @Test
    void placeholdersMayShareAToken() {
        SubjectTemplate template = new SubjectTemplate("cdc.{database}_{table}", "unused");
        assertEquals("cdc.shop_orders", template.subject("shop", "orders"));
        assertEquals("cdc.*", template.wildcard());
    }

    @Test
    void coverage() {
        assertTrue(SubjectTemplate.covers("sluice.>", "sluice.*.*"));
        assertTrue(SubjectTemplate.covers("sluice.*.*", "sluice.*.*"));
        assertTrue(SubjectTemplate.covers(">", "a.*"));
        assertFalse(SubjectTemplate.covers("sluice.shop.*", "sluice.*.*"));
        assertFalse(SubjectTemplate.covers("sluice.*", "sluice.*.*"));
        assertFalse(SubjectTemplate.covers("sluice.>", "sluice"));
        assertTrue(new SubjectTemplate("{prefix}.{database}.{table}", "x").coveredBy(List.of("y.>", "x.>")));
    }

    @Test
    void rejectsTemplatesThatFormNoSubject() {
        assertThrows(IllegalArgumentException.class, () -> new SubjectTemplate("{prefix}..{table}", "s"));
        assertThrows(IllegalArgumentException.class, () -> new SubjectTemplate("{prefix}.{schema}", "s"));
        assertThrows(IllegalArgumentException.class, () -> new SubjectTemplate("a.>", "s"));
        assertThrows(IllegalArgumentException.class, () -> new SubjectTemplate("{prefix}.{table}", "bad prefix"));
    }
}
