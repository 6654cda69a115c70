package io.sluice.servers;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The start / stop / kill / close state machine every server shares, around a {@link Launcher} that
 * knows how to start one particular server and wait until it is ready.
 *
 * <p>Thread-safe: every method is synchronized.
 */
final class ServerLifecycle {

    /** Starts one run of the server and returns once it accepts connections. */
    @FunctionalInterface
    interface Launcher {
        ServerProcess launch();
    }

    private final String name;
    private final Path dataDir;
    private final Duration stopGrace;
    private final Launcher launcher;
    private ServerProcess current;
    private boolean closed;

    /**
     * @param name      what to call the server in messages
     * @param dataDir   the server's own directory, deleted by {@link #close()} (or at JVM exit if never closed)
     * @param stopGrace how long a clean shutdown may take before the process is killed
     */
    ServerLifecycle(String name, Path dataDir, Duration stopGrace, Launcher launcher) {
        this.name = name;
        this.dataDir = dataDir;
        this.stopGrace = stopGrace;
        this.launcher = launcher;
        ExitCleanup.register(dataDir);
    }

    synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name + " is closed; build a new server instead");
        }
        if (current != null && current.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        if (current != null) {
            // It crashed or was killed from outside; reap it before starting the next run.
            current.kill();
            current = null;
        }
        current = launcher.launch();
    }

    synchronized void stop() {
        if (current != null) {
            current.stop(stopGrace);
            current = null;
        }
    }

    synchronized void kill() {
        if (current != null) {
            current.kill();
            current = null;
        }
    }

    synchronized boolean isRunning() {
        return current != null && current.isAlive();
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // The data is about to be deleted: a clean shutdown would only cost time (1.5 s for mysqld).
            kill();
        } finally {
            FileTrees.deleteQuietly(dataDir);
            ExitCleanup.unregister(dataDir);
        }
    }
}
