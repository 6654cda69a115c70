package io.sluice.connector.cli;

import com.github.shyiko.mysql.binlog.network.AuthenticationException;
import com.github.shyiko.mysql.binlog.network.ServerException;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.connector.DeliveryFailedException;
import io.sluice.connector.binlog.BinlogReadException;
import io.sluice.sink.SinkException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each failure class maps to its own exit code, found anywhere in the cause chain, with one line of explanation. */
class FailureClassTest {

    @Test
    void wrongPasswordOrMissingPrivilegeIsSourceRefused() {
        assertEquals(Main.SOURCE_REFUSED, code(new BinlogReadException("the server refused user 'x'",
                new AuthenticationException("Access denied for user 'x'", 1045, "28000"))));
        assertEquals(Main.SOURCE_REFUSED, code(new SQLException("Access denied for user 'x'@'%'", "28000", 1045)));
        assertEquals(Main.SOURCE_REFUSED, code(new BinlogReadException("may not read the binlog",
                new ServerException("Access denied; you need the REPLICATION SLAVE privilege", 1227, "42000"))));
    }

    @Test
    void aPurgedPositionIsItsOwnClass() {
        assertEquals(Main.POSITION_PURGED, code(new BinlogReadException("the server can no longer send the binlog",
                new ServerException("Could not find first log file name in binary log index file", 1236, "HY000"))));
    }

    @Test
    void sinkAndCheckpointStoreFailuresAreSinkFailures() {
        assertEquals(Main.SINK_FAILED, code(new DeliveryFailedException(new IllegalStateException("broker said no"))));
        assertEquals(Main.SINK_FAILED, code(new SinkException("Cannot create the Kafka producer")));
        assertEquals(Main.SINK_FAILED, code(new CheckpointException("cannot write the checkpoint file")));
    }

    @Test
    void anUnreachableServerAtStartUpIsSourceUnreachable() {
        assertEquals(Main.SOURCE_UNREACHABLE, code(new SQLNonTransientConnectionException(
                "Communications link failure", "08S01")));
    }

    private static int code(Exception failure) {
        StringWriter err = new StringWriter();
        int code = Main.exitCode(failure, new PrintWriter(err));
        assertTrue(err.toString().contains("exit " + code + ": "), "explains the code: " + err);
        return code;
    }
}
