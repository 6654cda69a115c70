package io.sluice.demo;

import com.typesafe.config.ConfigFactory;
import io.sluice.connector.Daemon;
import io.sluice.connector.config.CheckpointConfig;
import io.sluice.connector.config.FilterConfig;
import io.sluice.connector.config.PipelineConfig;
import io.sluice.connector.config.Secret;
import io.sluice.connector.config.SinkSelection;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.config.SourceConfig;
import io.sluice.connector.config.StartPosition;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.servers.DatabaseServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code sluice demo [seconds]}: starts a throwaway MySQL 8.0 from the binaries the build fetched,
 * creates a small shop schema, runs a gentle workload and streams the change events to standard
 * output until Ctrl-C (or for the given number of seconds), then removes everything it created.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : Long.MAX_VALUE;
        System.exit(run(seconds));
    }

    static int run(long seconds) throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.countDown();
            try {
                finished.await(30, TimeUnit.SECONDS); // let the demo clean up before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sluice-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Path work = Files.createTempDirectory("sluice-demo");
        try {
            System.err.println("sluice demo: starting a throwaway MySQL 8.0 ...");
            try (DatabaseServer server = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
                 Connection connection = createShop(server)) {
                ShopWorkload shop = new ShopWorkload(connection);
                Daemon daemon = new Daemon(config(server, work));
                Thread runner = new Thread(() -> {
                    try {
                        daemon.run();
                    } catch (Exception e) {
                        System.err.println("sluice demo: the daemon stopped: " + e.getMessage());
                        interrupted.countDown();
                    }
                }, "sluice-demo-daemon");
                runner.start();
                while (daemon.state() == Daemon.State.NEW && runner.isAlive()) {
                    Thread.sleep(20);
                }
                System.err.println("sluice demo: MySQL on " + server.host() + ":" + server.port()
                        + ", streaming the changes of database 'shop' below; Ctrl-C stops and cleans up.");
                shop.createSchema();
                long deadline = seconds == Long.MAX_VALUE ? Long.MAX_VALUE
                        : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                while (System.nanoTime() < deadline && !interrupted.await(700, TimeUnit.MILLISECONDS)) {
                    shop.step();
                }
                daemon.stop();
                runner.join(TimeUnit.SECONDS.toMillis(30));
                return daemon.state() == Daemon.State.STOPPED ? 0 : 1;
            }
        } finally {
            deleteTree(work);
            System.err.println("sluice demo: stopped and removed the throwaway database.");
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and waits for 'finished'
            }
        }
    }

    private static Connection createShop(DatabaseServer server) throws Exception {
        server.execute("CREATE DATABASE shop");
        return server.connect("shop");
    }

    private static SluiceConfig config(DatabaseServer server, Path work) {
        SourceConfig source = new SourceConfig(server.host(), server.port(), server.user(), new Secret(server.password()),
                5400, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(10),
                StartPosition.CURRENT_POSITION);
        return new SluiceConfig(source,
                new FilterConfig(List.of("shop"), List.of(), List.of(), List.of(), List.of()),
                new SinkSelection("stdout", ConfigFactory.parseMap(Map.of("pretty", true))),
                new CheckpointConfig("file", ConfigFactory.parseMap(Map.of("path", work.resolve("checkpoint.json").toString())),
                        Duration.ofSeconds(1), 10_000),
                new PipelineConfig(1024, 16L << 20, Duration.ofSeconds(10)),
                ValueEncoding.DEFAULT);
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
