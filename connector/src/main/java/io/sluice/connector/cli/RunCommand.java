package io.sluice.connector.cli;

import io.sluice.connector.Daemon;
import io.sluice.connector.config.SluiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code sluice run}: streams changes until stopped. SIGTERM and Ctrl-C stop it gracefully: the JVM's
 * shutdown hook asks the daemon to stop and waits for its ordered shutdown (drain, final publish, final
 * checkpoint), bounded by {@code sluice.pipeline.shutdown-timeout}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Stream row changes from the binlog to the sink until stopped (SIGTERM, Ctrl-C).")
final class RunCommand implements Callable<Void> {

    /** Beyond the shutdown timeout, time for the final checkpoint and closing the sink. */
    private static final Duration SHUTDOWN_MARGIN = Duration.ofSeconds(5);

    @ParentCommand
    private Main main;

    @Mixin
    private ConfigOptions options;

    /** @throws ReportedFailure whatever ended the daemon's run, already reported on standard error */
    @Override
    public Void call() throws Exception {
        SluiceConfig config = options.load(main.loader());
        Daemon daemon = new Daemon(config);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger failedWith = new AtomicInteger(-1);
        Duration wait = config.pipeline().shutdownTimeout().plus(SHUTDOWN_MARGIN);
        Thread hook = new Thread(() -> {
            daemon.stop();
            try {
                // The JVM exits when the hook returns: wait for run() to finish its final checkpoint.
                // A JVM ended by a signal reports 128 + signal (143), and System.exit no longer works
                // once shutting down, so halt() is the only way to give the supervisor the real code:
                // 0 for a completed graceful stop, the failure's own code for a stop that failed.
                if (finished.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    if (daemon.state() == Daemon.State.STOPPED) {
                        Runtime.getRuntime().halt(Main.OK);
                    } else if (failedWith.get() >= 0) {
                        Runtime.getRuntime().halt(failedWith.get());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sluice-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            daemon.run();
        } catch (Exception e) {
            // Reported here, before the hook is released, so a failure during a SIGTERM stop is said
            // and exits with its code too.
            int code = Main.exitCode(e, main.err());
            failedWith.set(code);
            throw new ReportedFailure(code, e);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running and has just been released.
            }
        }
        return null;
    }
}
