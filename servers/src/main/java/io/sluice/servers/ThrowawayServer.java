package io.sluice.servers;

import java.nio.file.Path;

/**
 * A server process owned by the current JVM: listening on a free loopback port, keeping its files in
 * its own temporary directory, and gone when closed.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>A builder's {@code start()} returns a running server.</li>
 *   <li>{@link #stop()} shuts it down cleanly, {@link #kill()} with SIGKILL; both keep the port and the
 *       data, so {@link #start()} brings the same server back (outage, reconnect, crash-recovery tests).</li>
 *   <li>{@link #close()} kills it (its data is being deleted, so a clean shutdown would only cost time)
 *       and deletes its directory; a closed server cannot be started again.</li>
 * </ol>
 * If the JVM exits with servers still open, a shutdown hook kills their processes and deletes their
 * directories (set {@code -Dsluice.servers.keep=true} to keep the directories for a post-mortem).
 *
 * <p>Threading: lifecycle methods are synchronized and may be called from any thread.
 */
public interface ThrowawayServer extends AutoCloseable {

    /** The address the server listens on: always {@code 127.0.0.1}. */
    String host();

    /** The TCP port clients connect to; fixed for the life of this object, across restarts. */
    int port();

    /** The directory holding everything of this server: its data, {@code server.log}, sockets. */
    Path dataDir();

    /** The file the server's stdout and stderr are appended to, across restarts. */
    Path logFile();

    /** Whether the server process is running (it may not have been started, or it stopped or crashed). */
    boolean isRunning();

    /**
     * Starts the server again after {@link #stop()} or {@link #kill()}, on the same port and with the
     * same data, and waits until it accepts connections.
     *
     * @throws IllegalStateException if it is running or closed
     * @throws ServerException if it does not come up in time; the message ends with its log's tail
     */
    void start();

    /** Shuts the server down cleanly and waits for it to exit; does nothing if it is not running. */
    void stop();

    /** Kills the server with SIGKILL, as a crash would; does nothing if it is not running. */
    void kill();

    /** Kills the server if it runs and deletes its data directory. Idempotent. */
    @Override
    void close();
}
