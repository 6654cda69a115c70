package io.sluice.demo;

import io.sluice.connector.Daemon;
import io.sluice.servers.DatabaseServer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One run of the demo, in order: a throwaway MySQL with the shop in it; Sluice streaming it to the
 * destination; the workload, until the time is up or a stop is asked for; then Sluice stopped, MySQL
 * stopped, and the files of both deleted, whatever happened before. Messages go to standard error,
 * which keeps standard output for the events.
 *
 * <p>Threads: the caller's runs the workload and the clean-up; {@code sluice-demo-daemon} runs Sluice.
 */
final class DemoSession {

    /** A change or two every half second: enough to watch, not too fast to read. */
    private static final Duration STEP = Duration.ofMillis(500);
    /** The daemon's own shutdown-timeout (see {@link DemoConfig}) and time for its final checkpoint. */
    private static final Duration DAEMON_STOP_LIMIT = Duration.ofSeconds(15);

    private final Destination destination;
    private final Duration duration;
    private final StopSignal stop;
    private final PrintStream err;

    /** @param duration how long the workload runs, or {@code null} until a stop is asked for */
    DemoSession(Destination destination, Duration duration, StopSignal stop, PrintStream err) {
        this.destination = destination;
        this.duration = duration;
        this.stop = stop;
        this.err = err;
    }

    /**
     * @return the exit code: {@link Demo#OK} when Sluice streamed until it was asked to stop,
     *         {@link Demo#FAILED} when it or the workload failed (the message is already written)
     * @throws DemoException when a broker does not answer, before anything was started
     */
    int run() throws DemoException, IOException, SQLException, InterruptedException {
        destination.requireReachable();
        Path work = Files.createTempDirectory("sluice-demo-");
        Path mysqlDirectory = null;
        try {
            say("starting a throwaway MySQL 8.0 (the first run unpacks it, which takes a while) ...");
            try (DatabaseServer mysql = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start()) {
                mysqlDirectory = mysql.dataDir();
                mysql.createDatabase(ShopWorkload.DATABASE);
                try (Connection connection = mysql.connect(ShopWorkload.DATABASE)) {
                    ShopWorkload shop = new ShopWorkload(connection);
                    shop.createShop();
                    header(mysql);
                    return stream(new Daemon(DemoConfig.of(mysql, work, destination)), shop);
                }
            } catch (RuntimeException | SQLException e) {
                if (!stop.isRequested()) {
                    throw e;
                }
                // A signal also ends MySQL (the servers' own exit clean-up, or Ctrl-C reaching its process group).
                say("stopped while starting.");
                return Demo.OK;
            }
        } finally {
            deleteTree(work);
            say(mysqlDirectory == null ? "deleted " + work + "."
                    : "stopped MySQL and deleted " + mysqlDirectory + " and " + work + ".");
            destination.leftBehind().forEach(err::println);
        }
    }

    /** Runs Sluice and the workload side by side until the end, then stops Sluice. */
    private int stream(Daemon daemon, ShopWorkload shop) throws InterruptedException {
        AtomicReference<Exception> daemonFailure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                daemon.run();
            } catch (Exception e) {
                // After a signal MySQL is gone too, and Sluice failing over that is no news.
                if (!stop.isRequested()) {
                    daemonFailure.set(e);
                    stop.request();
                }
            }
        }, "sluice-demo-daemon");
        runner.start();
        String workloadFailure = null;
        Long streamingSince = null;
        try {
            while (!stop.await(STEP) && !timeUp(streamingSince)) {
                // Until Sluice has its starting position, a change would only land in its snapshot.
                if (daemon.state() == Daemon.State.NEW) {
                    continue;
                }
                if (streamingSince == null) {
                    streamingSince = System.nanoTime();
                }
                shop.step();
            }
        } catch (SQLException e) {
            if (!stop.isRequested()) {
                workloadFailure = "the workload's statement failed: " + e.getMessage();
            }
        }
        say("stopping Sluice ...");
        daemon.stop();
        runner.join(DAEMON_STOP_LIMIT.toMillis());
        if (daemonFailure.get() != null) {
            say("Sluice stopped with an error: " + daemonFailure.get().getMessage());
            return Demo.FAILED;
        }
        if (runner.isAlive()) {
            say("Sluice did not stop within " + DAEMON_STOP_LIMIT.toSeconds() + " s; leaving it behind.");
            return Demo.FAILED;
        }
        if (workloadFailure != null) {
            say(workloadFailure);
            return Demo.FAILED;
        }
        return Demo.OK;
    }

    /** Whether the demo has streamed for the time given; starting is not counted, as a busy machine slows it. */
    private boolean timeUp(Long streamingSince) {
        return duration != null && streamingSince != null && System.nanoTime() - streamingSince >= duration.toNanos();
    }

    private void header(DatabaseServer mysql) {
        say("MySQL 8.0 runs on " + mysql.host() + ":" + mysql.port() + " with database " + ShopWorkload.DATABASE
                + " (tables " + String.join(", ", ShopWorkload.TABLES) + "); any MySQL client may change it too, as"
                + " user " + mysql.user() + " with no password.");
        err.println("A workload changes a row or two every " + STEP.toMillis() + " ms, and Sluice reads each change"
                + " from the binlog.");
        destination.describe().forEach(err::println);
        err.println(duration == null ? "Ctrl-C stops Sluice and MySQL and deletes what the demo made."
                : "It stops after streaming for " + duration.toSeconds() + " s, or sooner with Ctrl-C, and deletes what"
                        + " the demo made.");
        err.println();
    }

    private void say(String message) {
        err.println("sluice demo: " + message);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
