package io.sluice.connector.binlog;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of {@link ResumeCheck} that need no server; the rest runs in PositionCommandIT. */
class ResumeCheckTest {

    @Test
    void eventsThatOpenATransactionOrStandAloneAreStartsTheRestAreNot() {
        for (String start : new String[] {"Format_desc", "Previous_gtids", "Gtid", "Anonymous_Gtid", "Rotate",
                "Gtid_list", "Binlog_checkpoint", "Stop"}) {
            assertFalse(ResumeCheck.insideATransaction(start), start);
        }
        for (String inside : new String[] {"Query", "Table_map", "Write_rows", "Update_rows", "Delete_rows",
                "Write_rows_v1", "Update_rows_compressed_v1", "Annotate_rows", "Rows_query", "Xid", "XA_prepare",
                "Transaction_payload", "User var"}) {
            assertTrue(ResumeCheck.insideATransaction(inside), inside);
        }
    }

    @Test
    void aMariaDbListIsTheLastSequenceOfEachDomain() {
        assertEquals(Map.of(0L, 100L, 1L, 5L), ResumeCheck.mariadbSequences("0-1-100, 1-2-5"));
        assertEquals(Map.of(), ResumeCheck.mariadbSequences(""));
        assertEquals(Map.of(), ResumeCheck.mariadbSequences(null));
    }

    @Test
    void aMariaDbListIsBeyondTheBinlogWhenADomainIsAheadOrUnknown() {
        Map<Long, Long> written = Map.of(0L, 100L, 1L, 5L);

        assertNull(ResumeCheck.beyond(Map.of(0L, 100L), written));
        assertNull(ResumeCheck.beyond(Map.of(0L, 7L, 1L, 5L), written));
        assertEquals("domain 0 up to sequence 101", ResumeCheck.beyond(Map.of(0L, 101L), written));
        assertEquals("domain 2 up to sequence 1", ResumeCheck.beyond(Map.of(2L, 1L), written));
    }

    @Test
    void aMariaDbListNeedsWhatWasPurgedWhenItStopsBeforeTheOldestBinlogStarts() {
        Map<Long, Long> oldestStart = Map.of(0L, 40L);

        assertNull(ResumeCheck.purged(Map.of(0L, 40L), oldestStart));
        assertNull(ResumeCheck.purged(Map.of(0L, 90L), oldestStart));
        assertEquals("domain 0 sequences 11 to 40", ResumeCheck.purged(Map.of(0L, 10L), oldestStart));
        assertEquals("domain 0 sequences 1 to 40", ResumeCheck.purged(Map.of(1L, 10L), oldestStart));
        assertNull(ResumeCheck.purged(Map.of(0L, 10L), Map.of()));
    }
}
