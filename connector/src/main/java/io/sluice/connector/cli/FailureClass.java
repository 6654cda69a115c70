package io.sluice.connector.cli;

import com.github.shyiko.mysql.binlog.network.AuthenticationException;
import com.github.shyiko.mysql.binlog.network.ServerException;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.connector.DeliveryFailedException;
import io.sluice.connector.checkpoint.CheckpointLockedException;
import io.sluice.sink.SinkException;

import java.sql.SQLException;
import java.util.Set;

/**
 * What kind of failure ended a command, read from its cause chain, with the exit code and the one-line
 * explanation {@link Main} prints for it.
 */
enum FailureClass {

    SOURCE_REFUSED(Main.SOURCE_REFUSED, "the database refused the user or its privileges; fix"
            + " sluice.source.user/password or the grants (sluice check lists them)"),
    POSITION_PURGED(Main.POSITION_PURGED, "the position to resume from is gone from the server's binlog;"
            + " see the message above for how to start again"),
    SINK_FAILED(Main.SINK_FAILED, "the sink or the checkpoint store failed; nothing past the last checkpoint"
            + " is lost, it is read again on restart"),
    IN_USE(Main.FAILED, "another Sluice (or position set) runs with this checkpoint; stop it first"),
    SOURCE_UNREACHABLE(Main.SOURCE_UNREACHABLE, "the database could not be reached; check sluice.source.host"
            + " and port, and that the server runs"),
    OTHER(Main.FAILED, "the command failed; the message above says why");

    /** MySQL's access-denied errors: bad password (1045), database (1044), table (1142), column (1143), privilege (1227). */
    private static final Set<Integer> ACCESS_DENIED = Set.of(1045, 1044, 1142, 1143, 1227);
    /** ER_MASTER_FATAL_ERROR_READING_BINLOG: the requested binlog file or position is gone. */
    private static final int BINLOG_GONE = 1236;

    private final int exitCode;
    private final String explanation;

    FailureClass(int exitCode, String explanation) {
        this.exitCode = exitCode;
        this.explanation = explanation;
    }

    int exitCode() {
        return exitCode;
    }

    String explanation() {
        return explanation;
    }

    /** The first cause that says what happened decides: a delivery failure wrapping a source error is a delivery failure. */
    static FailureClass of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DaemonRunningException || cause instanceof CheckpointLockedException) {
                return IN_USE;
            }
            if (cause instanceof DeliveryFailedException || cause instanceof SinkException
                    || cause instanceof CheckpointException) {
                return SINK_FAILED;
            }
            if (cause instanceof AuthenticationException) {
                return SOURCE_REFUSED;
            }
            if (cause instanceof ServerException server) {
                if (server.getErrorCode() == BINLOG_GONE) {
                    return POSITION_PURGED;
                }
                if (ACCESS_DENIED.contains(server.getErrorCode())) {
                    return SOURCE_REFUSED;
                }
            }
            if (cause instanceof SQLException sql) {
                if (ACCESS_DENIED.contains(sql.getErrorCode()) || "28000".equals(sql.getSQLState())) {
                    return SOURCE_REFUSED;
                }
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    return SOURCE_UNREACHABLE;
                }
            }
        }
        return OTHER;
    }
}
