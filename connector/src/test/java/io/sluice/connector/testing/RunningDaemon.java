package io.sluice.connector.testing;

import io.sluice.connector.Daemon;
import io.sluice.connector.config.SluiceConfig;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** A {@link Daemon} running on a background thread of the test JVM. */
public final class RunningDaemon implements AutoCloseable {

    private final Daemon daemon;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private RunningDaemon(SluiceConfig config) {
        this.daemon = new Daemon(config);
        Thread thread = new Thread(() -> {
            try {
                daemon.run();
                finished.complete(null);
            } catch (Throwable e) {
                finished.completeExceptionally(e);
            }
        }, "test-daemon");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a daemon and waits until it reads the binlog (or fails trying). */
    public static RunningDaemon start(SluiceConfig config) throws Exception {
        RunningDaemon running = new RunningDaemon(config);
        waitFor(Duration.ofSeconds(30), () -> running.daemon.state() == Daemon.State.RUNNING || running.finished.isDone());
        if (running.finished.isDone()) {
            running.finished.get(); // throws the start-up failure
        }
        return running;
    }

    /** Stops gracefully and rethrows whatever ended the run. */
    public void stop() throws Exception {
        daemon.stop();
        try {
            finished.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    /** Waits for the daemon to end by itself and returns why. */
    public Throwable awaitFailure(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    public Daemon daemon() {
        return daemon;
    }

    @Override
    public void close() throws Exception {
        if (!finished.isDone()) {
            stop();
        }
    }

    /** Polls {@code condition} every 20 ms until it holds; fails the test after {@code timeout}. */
    public static void waitFor(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
