package io.sluice.connector.cli;

import io.sluice.connector.position.BinlogPosition;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code sluice position set} accepts as a target, checked before the configuration is even read. */
class PositionArgumentsTest {

    private static final String UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aFileAndOffsetBecomeAPositionWithNothingToSkipAndNoGtids() {
        assertEquals(new BinlogPosition("binlog.000042", 4, 0, null), target("binlog.000042", 4L, null));
        assertEquals(new BinlogPosition("binlog.000042", 1234, 0, null), target("binlog.000042", 1234L, null));
    }

    @Test
    void aGtidSetBecomesAPositionWithoutAFileSoThatTheServerFindsIt() {
        assertEquals(new BinlogPosition("", 4, 0, UUID + ":1-100," + UUID.replace('3', '4') + ":1-5"),
                target(null, null, UUID + ":1-100,\n " + UUID.replace('3', '4') + ":1-5"));
        assertEquals(new BinlogPosition("", 4, 0, "0-1-100,1-2-5"), target(null, null, "0-1-100,1-2-5"));
    }

    @Test
    void bothOrNeitherOfFileAndGtidSetIsRefused() {
        assertProblem("not both", "binlog.000001", 4L, UUID + ":1");
        assertProblem("not both", null, 4L, "0-1-5");
        assertProblem("say where to move the position", null, null, null);
    }

    @Test
    void aFileNeedsAnOffsetAndAnOffsetNeedsAFile() {
        assertProblem("--file needs --pos", "binlog.000001", null, null);
        assertProblem("--pos needs --file", null, 4L, null);
        assertProblem("--pos needs --file", " ", 4L, null);
        assertProblem("give the binlog file's name alone", "/var/lib/mysql/binlog.000001", 4L, null);
    }

    @Test
    void anOffsetBeforeTheFirstEventIsRefused() {
        assertProblem("--pos 3 is not an offset", "binlog.000001", 3L, null);
        assertProblem("--pos -1 is not an offset", "binlog.000001", -1L, null);
        assertProblem("--pos 0 is not an offset", "binlog.000001", 0L, null);
    }

    @Test
    void aMalformedGtidSetIsRefusedSayingWhatIsWrongAndHowEachKindLooks() {
        String message = problem(null, null, "3e11fa47:1-5");
        assertTrue(message.startsWith("--gtid-set \"3e11fa47:1-5\" is not a GTID set: \"3e11fa47\" is not a server"
                + " UUID"), message);
        assertTrue(message.contains("@@global.gtid_executed") && message.contains("@@global.gtid_binlog_pos"), message);
        // MySQL also takes a UUID without dashes, but the daemon's binlog client reads only the dashed form.
        assertTrue(problem(null, null, UUID.replace("-", "") + ":1-5").contains("is not a server UUID"));
        assertTrue(problem(null, null, UUID + ":5-3").contains("ends before it starts"));
        assertTrue(problem(null, null, UUID + ":0").contains("start at 1"));
        assertTrue(problem(null, null, UUID).contains("names no transactions"));
        assertTrue(problem(null, null, "0-1").contains("is not domain-server-sequence"));
        assertTrue(problem(null, null, "0-1-5,0-2-7").contains("domain 0 appears twice"));
        assertTrue(problem(null, null, "").contains("empty"));
    }

    @Test
    void theCommandLineReportsAProblemAsAUsageErrorBeforeReadingTheConfiguration() {
        int code = execute("position", "set", "--config", "does-not-exist.conf", "--file", "binlog.000001");

        assertEquals(Main.CONFIG_ERROR, code, err.toString());
        assertTrue(err.toString().startsWith("sluice: --file needs --pos"), err.toString());
        assertTrue(err.toString().contains("Try 'sluice position set --help'."), err.toString());
    }

    @Test
    void theCommandLineRefusesAMalformedGtidSetAndAnOffsetBelowFour() {
        assertEquals(Main.CONFIG_ERROR, execute("position", "set", "-c", "x.conf", "--gtid-set", "1-2-3-4"));
        assertEquals(Main.CONFIG_ERROR, execute("position", "set", "-c", "x.conf", "--file", "b.000001", "--pos", "2"));
        assertEquals(Main.CONFIG_ERROR, execute("position", "set", "-c", "x.conf", "--file", "b.000001", "--pos", "x"));

        assertTrue(err.toString().contains("--gtid-set \"1-2-3-4\" is not a GTID set"), err.toString());
        assertTrue(err.toString().contains("--pos 2 is not an offset"), err.toString());
    }

    @Test
    void helpForPositionSetNamesTheTargetsAndHowARunningDaemonIsDetected() {
        assertEquals(Main.OK, execute("position", "set", "--help"));

        String help = out.toString();
        for (String expected : new String[] {"--file=NAME", "--pos=N", "--gtid-set=SET", "--force", "--config=FILE",
                "<path>.lock", "/health/live", "NATS KV", "exactly-once"}) {
            assertTrue(help.contains(expected), expected + " in\n" + help);
        }
    }

    private static BinlogPosition target(String file, Long pos, String gtidSet) {
        PositionArguments arguments = new PositionArguments();
        arguments.file = file;
        arguments.pos = pos;
        arguments.gtidSet = gtidSet;
        return arguments.target();
    }

    private static String problem(String file, Long pos, String gtidSet) {
        return assertThrows(IllegalArgumentException.class, () -> target(file, pos, gtidSet)).getMessage();
    }

    private static void assertProblem(String expected, String file, Long pos, String gtidSet) {
        String message = problem(file, pos, gtidSet);
        assertTrue(message.contains(expected), message);
    }

    private int execute(String... args) {
        return Main.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
