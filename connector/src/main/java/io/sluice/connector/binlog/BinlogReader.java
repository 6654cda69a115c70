package io.sluice.connector.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.network.AuthenticationException;
import com.github.shyiko.mysql.binlog.network.ServerException;
import io.sluice.connector.config.SourceConfig;
import io.sluice.connector.decode.BinlogDeserializers;
import io.sluice.connector.position.BinlogPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads the binlog as a replica on its own thread ({@code sluice-binlog-reader}) and feeds every
 * event to a {@link ChangeAssembler}. A lost connection is re-established with exponential back-off
 * from the exact point reached, so the stream has no gap and no repeat; failures that retrying cannot
 * mend (wrong credentials, a purged position, an undecodable event) stop the reader and are reported
 * through the fatal-error callback.
 *
 * <p>The binary-log client calls listeners on the reader thread and swallows their exceptions, and
 * skips events it cannot deserialize; both are turned into fatal errors here so nothing is dropped.
 */
public final class BinlogReader {

    private static final Logger LOG = LoggerFactory.getLogger(BinlogReader.class);

    /** MySQL's ER_MASTER_FATAL_ERROR_READING_BINLOG: the requested file or position is gone. */
    private static final int ERROR_READING_BINLOG = 1236;
    private static final int ACCESS_DENIED = 1045;
    private static final int SPECIFIC_ACCESS_DENIED = 1227;

    private final SourceConfig config;
    private final ChangeAssembler assembler;
    private final Consumer<Exception> onFatal;
    private final Runnable onConnected;
    private final Thread thread;
    private volatile BinaryLogClient client;
    private volatile boolean stopping;
    private volatile Exception failure;
    private volatile boolean connected;
    private volatile long connectionsLost;

    /**
     * @param onFatal     called once, on the reader thread, when reading stops for good
     * @param onConnected called on every successful (re)connection
     */
    BinlogReader(SourceConfig config, ChangeAssembler assembler, Consumer<Exception> onFatal, Runnable onConnected) {
        this.config = config;
        this.assembler = assembler;
        this.onFatal = onFatal;
        this.onConnected = onConnected;
        this.thread = new Thread(this::readLoop, "sluice-binlog-reader");
    }

    public void start() {
        thread.start();
    }

    /** Stops reading and waits for the reader thread to finish; items already handed on stay valid. */
    public void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        // Interrupt first: a reader waiting for room in the queue holds the client's connect lock,
        // and disconnect() waits for that lock.
        thread.interrupt();
        disconnectQuietly();
        thread.join(Math.max(1, timeout.toMillis()));
    }

    /** Whether the reader holds a live replication connection right now. */
    public boolean connected() {
        return connected;
    }

    /** Connections lost and re-established (or being re-established) so far. */
    public long connectionsLost() {
        return connectionsLost;
    }

    /** Where the server is read from, for health reports. */
    public String describeSource() {
        return config.host() + ":" + config.port();
    }

    private void readLoop() {
        try {
            readUntilStopped();
        } catch (Throwable e) {
            // Anything unexpected ends reading; say so rather than leave a daemon that reads nothing.
            stopping = true;
            onFatal.accept(new BinlogReadException("the binlog reader stopped unexpectedly: " + e, e));
        }
    }

    private void readUntilStopped() {
        Duration backoff = config.reconnectMinBackoff();
        while (!stopping) {
            BinlogPosition position = assembler.resumePosition();
            assembler.restartAt(position);
            failure = null;
            BinaryLogClient connection = connect(position);
            if (stopping) {
                return; // stop() may have run before this client existed to be disconnected
            }
            long startedAt = System.nanoTime();
            try {
                connection.connect();
            } catch (IOException e) {
                failure = failure != null ? failure : e;
            }
            connected = false;
            if (stopping) {
                return;
            }
            Exception cause = failure != null ? failure : new IOException("connection closed by the server");
            String fatal = fatalReason(cause, position);
            if (fatal != null) {
                stopping = true;
                onFatal.accept(new BinlogReadException(fatal, cause));
                return;
            }
            if (System.nanoTime() - startedAt > config.reconnectMaxBackoff().toNanos()) {
                backoff = config.reconnectMinBackoff(); // it was a healthy connection: start over
            }
            if (String.valueOf(cause.getMessage()).contains("same server_uuid/server_id")) {
                LOG.error("Another replica connected to {}:{} with server id {} and took over the stream."
                        + " Every replica, including every Sluice instance, needs its own sluice.source.server-id.",
                        config.host(), config.port(), config.serverId());
            }
            connectionsLost++; // only this thread writes it
            LOG.warn("Lost the binlog connection to {}:{} at {} ({}); reconnecting in {} ms", config.host(),
                    config.port(), assembler.resumePosition().describe(), cause.getMessage(), backoff.toMillis());
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(config.reconnectMaxBackoff()) > 0) {
                backoff = config.reconnectMaxBackoff();
            }
        }
    }

    private BinaryLogClient connect(BinlogPosition position) {
        BinaryLogClient c = new BinaryLogClient(config.host(), config.port(), config.user(), config.password().reveal());
        c.setServerId(config.serverId());
        c.setKeepAlive(false); // reconnecting is ours: the client's own would resume without our row skipping
        c.setHeartbeatInterval(config.heartbeatInterval().toMillis());
        c.setConnectTimeout(config.connectTimeout().toMillis());
        int readTimeout = (int) Math.min(Integer.MAX_VALUE, config.heartbeatInterval().toMillis() * 3);
        // Heartbeats arrive while the server is idle, so silence for three intervals means a dead peer.
        c.setSocketFactory(() -> {
            Socket socket = new Socket();
            try {
                socket.setSoTimeout(readTimeout);
                socket.setTcpNoDelay(true);
            } catch (SocketException e) {
                throw new IllegalStateException(e);
            }
            return socket;
        });
        c.setEventDeserializer(BinlogDeserializers.create());
        if (position.file().isEmpty()) {
            // Only a GTID set is known: the server finds the first transaction not in it.
            c.setBinlogFilename("");
            c.setGtidSet(position.gtidSet() == null ? "" : position.gtidSet());
        } else {
            c.setBinlogFilename(position.file());
            c.setBinlogPosition(position.offset());
        }
        c.registerEventListener(this::onEvent);
        c.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onConnect(BinaryLogClient connected) {
                LOG.info("Reading the binlog of {}:{} from {}", config.host(), config.port(), position.describe());
                BinlogReader.this.connected = true;
                onConnected.run();
            }

            @Override
            public void onCommunicationFailure(BinaryLogClient failed, Exception ex) {
                fail(ex);
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient failed, Exception ex) {
                if (isNetworkFailure(ex)) {
                    fail(ex); // the connection stalled in the middle of an event: reconnect and read it again
                    return;
                }
                fail(new BinlogReadException("cannot decode the binlog event after "
                        + assembler.resumePosition().describe() + ": " + ex.getMessage()
                        + ". This is a bug or an unsupported column type; please report it with the table's"
                        + " CREATE TABLE statement.", ex), true);
            }
        });
        client = c;
        return c;
    }

    private void onEvent(Event event) {
        if (failure != null || stopping) {
            return; // never hand on anything after a failure: the position must not move past it
        }
        try {
            assembler.accept(event);
        } catch (InterruptedException e) {
            // Stopping, or the pipeline takes no more: end this connection. The interrupt flag stays
            // cleared so that disconnect() below can close the connection from this thread.
            fail(e);
        } catch (Exception e) {
            fail(new BinlogReadException("cannot process the binlog event at " + event.getHeader()
                    + " after " + assembler.resumePosition().describe() + ": " + e.getMessage(), e), true);
        }
    }

    private void fail(Exception cause) {
        fail(cause, false);
    }

    private void fail(Exception cause, boolean fatal) {
        if (failure == null) {
            failure = fatal ? new FatalMarker(cause) : cause;
        }
        disconnectQuietly();
    }

    private void disconnectQuietly() {
        BinaryLogClient c = client;
        if (c != null) {
            try {
                c.disconnect();
            } catch (IOException e) {
                LOG.debug("disconnect failed", e);
            }
        }
    }

    /** Whether a failure while reading an event came from the network rather than from its content. */
    private static boolean isNetworkFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException || cause instanceof SocketException
                    || cause instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    /** Returns why retrying cannot help, or {@code null} when a reconnect may succeed. */
    private String fatalReason(Exception cause, BinlogPosition position) {
        if (cause instanceof FatalMarker marker) {
            return marker.getCause().getMessage();
        }
        if (cause instanceof AuthenticationException
                || cause instanceof ServerException se && (se.getErrorCode() == ACCESS_DENIED)) {
            return "the server " + config.host() + ":" + config.port() + " refused user '" + config.user()
                    + "': " + cause.getMessage() + ". Check sluice.source.user and sluice.source.password.";
        }
        if (cause instanceof ServerException se && se.getErrorCode() == SPECIFIC_ACCESS_DENIED) {
            return "user '" + config.user() + "' may not read the binlog: " + cause.getMessage()
                    + ". Grant it: GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + config.user() + "'.";
        }
        if (cause instanceof ServerException se && se.getErrorCode() == ERROR_READING_BINLOG) {
            return "the server can no longer send the binlog from " + position.describe() + ": "
                    + cause.getMessage() + ". The binlog was probably purged while Sluice was stopped or behind."
                    + " Changes after that point cannot be recovered from the binlog: remove the checkpoint and"
                    + " start again from a fresh snapshot or from sluice.source.start, and keep binlogs longer"
                    + " (binlog_expire_logs_seconds).";
        }
        return null;
    }

    /** Wraps a cause that must stop reading even though the connection itself was fine. */
    private static final class FatalMarker extends Exception {
        FatalMarker(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
