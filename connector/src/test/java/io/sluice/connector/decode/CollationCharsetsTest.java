package io.sluice.connector.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class CollationCharsetsTest {

    @Test
    void mysqlAndMariadbIds() {
        assertEquals("utf8mb4", CollationCharsets.charsetName(45));   // utf8mb4_general_ci
        assertEquals("utf8mb4", CollationCharsets.charsetName(255));  // MySQL 8 default utf8mb4_0900_ai_ci
        assertEquals("utf8mb4", CollationCharsets.charsetName(323));  // MySQL 8.0.30+ utf8mb4_0900_bin range
        assertEquals("utf8mb3", CollationCharsets.charsetName(33));
        assertEquals("latin1", CollationCharsets.charsetName(8));
        assertEquals("binary", CollationCharsets.charsetName(63));
        assertEquals("gb18030", CollationCharsets.charsetName(248));
        assertEquals("utf8mb4", CollationCharsets.charsetName(608)); // MariaDB utf8mb4_croatian_mysql561_ci
        assertEquals("latin1", CollationCharsets.charsetName(1071)); // MariaDB latin1_nopad_bin
    }

    @Test
    void mariadbUca1400IdsCarryTheirCharset() {
        assertEquals("utf8mb3", CollationCharsets.charsetName(2048));
        assertEquals("utf8mb4", CollationCharsets.charsetName(2304));
        assertEquals("utf8mb4", CollationCharsets.charsetName(2308)); // utf8mb4_uca1400_ai_ci, MariaDB 11.4's default
        assertEquals("ucs2", CollationCharsets.charsetName(2560));
        assertEquals("utf16", CollationCharsets.charsetName(2816));
        assertEquals("utf32", CollationCharsets.charsetName(3271));
        assertNull(CollationCharsets.charsetName(3400));
    }

    @Test
    void unknownIds() {
        assertNull(CollationCharsets.charsetName(-1));
        assertNull(CollationCharsets.charsetName(0));
        assertNull(CollationCharsets.charsetName(5000));
        assertNull(CollationCharsets.javaCharset(5000));
    }

    @Test
    void javaCharsets() {
        assertEquals(StandardCharsets.UTF_8, CollationCharsets.javaCharset(255));
        assertEquals(StandardCharsets.UTF_16BE, CollationCharsets.javaCharset(35));
        assertEquals("windows-1252", CollationCharsets.javaCharset(8).name());
        assertEquals("Shift_JIS", CollationCharsets.javaCharset(13).name());
        assertNull(CollationCharsets.javaCharset(63));
        assertNull(CollationCharsets.javaCharset(32)); // armscii8: only the server's table decodes it
        assertNotNull(CollationCharsets.decoder(32));
    }

    @Test
    void everySingleByteTableIsComplete() {
        for (int id = 0; id <= CollationCharsets.MAX_ID; id++) {
            CollationCharsets.TextCharset decoder = CollationCharsets.decoder(id);
            if (decoder != null && decoder.kind == CollationCharsets.TextCharset.SINGLE_BYTE) {
                assertEquals(256, decoder.table.length, decoder.name);
                assertEquals('A', decoder.table['A'], decoder.name);
            }
        }
        assertEquals('\u20AC', CollationCharsets.decoder(8).table[0x80]);
        assertEquals('\u0081', CollationCharsets.decoder(8).table[0x81]);
        assertEquals('\uFFFD', CollationCharsets.decoder(11).table[0x80]);
    }
}
