package io.sluice.servers;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every {@link ThrowawayServer} here shares: a free loopback port, its own directory, and the
 * start / stop / kill / close state machine ({@link ServerLifecycle}) around the subclass's
 * {@link #launch()}.
 */
abstract class LocalServer implements ThrowawayServer {

    protected final Path dataDir;
    protected final int port;
    private ServerLifecycle lifecycle;

    LocalServer(Path dataDir) {
        this.dataDir = dataDir;
        this.port = Ports.free();
    }

    /** Called last by a subclass constructor, once {@link #toString()} and {@link #launch()} can work. */
    final void manage(Duration stopGrace) {
        lifecycle = new ServerLifecycle(toString(), dataDir, stopGrace, this::launch);
    }

    /** Starts one run of the server and returns once it accepts connections. */
    abstract ServerProcess launch();

    @Override
    public final String host() {
        return Ports.LOOPBACK;
    }

    @Override
    public final int port() {
        return port;
    }

    @Override
    public final Path dataDir() {
        return dataDir;
    }

    @Override
    public final Path logFile() {
        return dataDir.resolve("server.log");
    }

    @Override
    public final boolean isRunning() {
        return lifecycle.isRunning();
    }

    @Override
    public final void start() {
        lifecycle.start();
    }

    @Override
    public final void stop() {
        lifecycle.stop();
    }

    @Override
    public final void kill() {
        lifecycle.kill();
    }

    @Override
    public final void close() {
        lifecycle.close();
    }
}
