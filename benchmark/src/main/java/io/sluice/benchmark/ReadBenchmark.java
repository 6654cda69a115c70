package io.sluice.benchmark;

import io.sluice.servers.DatabaseServer;
import io.sluice.servers.KafkaServer;
import io.sluice.servers.NatsServer;
import io.sluice.servers.ThrowawayServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The benchmark's orchestrator: starts a throwaway MySQL 8.0 (and broker), writes the rows, starts
 * Sluice in a separate JVM ({@link DaemonUnderTest}) and relays its figures.
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark -DskipTests -pl benchmark -am verify [-Dbench.rows=N]
 * [-Dbench.sink=counting|kafka|nats] [-Dbench.mode=throughput|latency|snapshot]}; snapshot mode reads
 * the loaded rows with an initial snapshot ({@code -Dbench.snapshot.chunk-size}, default 8192) and
 * reports rows/s as events/s.
 *
 * <p>Throughput mode (default): loads N rows of about 300 bytes first, then starts the daemon from
 * the position before the load and prints events/s, MB/s and the daemon's peak resident memory.
 * <ul>
 *   <li>{@code counting}: a sink that acknowledges at once, so only Sluice is measured;</li>
 *   <li>{@code kafka}: a throwaway broker, the topic created with {@value KafkaBench#PARTITIONS}
 *       partitions; timed until the last record is acknowledged; then how the broker batched the
 *       records, and a bare {@code KafkaProducer} baseline ({@code BASELINE} line);</li>
 *   <li>{@code nats}: a throwaway nats-server with JetStream, the stream created with file storage
 *       and a duplicate window; timed until the stream stored the last message; then a bare jnats
 *       {@code publishAsync} baseline.</li>
 * </ul>
 *
 * <p>Latency mode ({@code kafka} or {@code nats}): the daemon starts first; once its sink is ready,
 * {@link SteadyLoad} writes {@code bench.latency.rate} rows/s for {@code bench.latency.warm-up-seconds}
 * (not measured) and then {@code bench.latency.seconds} (measured), and the daemon prints
 * commit-to-acknowledgement percentiles ({@code LATENCY} lines).
 */
public final class ReadBenchmark {

    private static final int BATCH = 50_000;
    /** The daemon's output lines worth relaying: its figures. */
    private static final Pattern FIGURES = Pattern.compile("RESULT|LATENCY|THREADS|COMMITS");

    private ReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String heap = args.length > 1 ? args[1] : "256m";
        String sink = System.getProperty("bench.sink", "counting");
        String mode = System.getProperty("bench.mode", "throughput");
        if (!List.of("counting", "kafka", "nats").contains(sink)) {
            throw new IllegalArgumentException("bench.sink must be counting, kafka or nats, not " + sink);
        }
        if (!List.of("throughput", "latency", "snapshot").contains(mode)) {
            throw new IllegalArgumentException("bench.mode must be throughput, latency or snapshot, not " + mode);
        }
        if (mode.equals("latency") && sink.equals("counting")) {
            throw new IllegalArgumentException("bench.mode = latency needs a broker: -Dbench.sink=kafka or nats");
        }
        ThrowawayServer broker = null;
        String address = null;
        try {
            if (sink.equals("kafka")) {
                KafkaServer kafka = KafkaServer.builder().start();
                broker = kafka;
                address = kafka.bootstrapServers();
                KafkaBench.createTopic(address, KafkaBench.TOPIC);
                KafkaBench.warmUp(address);
                System.out.println("kafka broker at " + address + ", topic " + KafkaBench.TOPIC
                        + " with " + KafkaBench.PARTITIONS + " partitions, warmed up");
            } else if (sink.equals("nats")) {
                NatsServer nats = NatsServer.builder().start();
                broker = nats;
                address = nats.url();
                NatsBench.createStreams(address);
                System.out.println("nats-server at " + address + ", streams " + NatsBench.STREAM + " and "
                        + NatsBench.BASELINE_STREAM + " (file storage, duplicate window "
                        + NatsBench.DUPLICATE_WINDOW + ")");
            }
            if (mode.equals("latency")) {
                latency(heap, sink, broker, address);
            } else {
                throughput(rows, heap, sink, broker, address, mode.equals("snapshot"));
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    /**
     * @param snapshot read the loaded rows with a snapshot, starting the stream after them, instead of
     *                 streaming them from the binlog
     */
    private static void throughput(int rows, String heap, String sink, ThrowawayServer broker, String address,
                                   boolean snapshot) throws Exception {
        try (DatabaseServer server = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start()) {
            server.execute("CREATE DATABASE bench",
                    "CREATE TABLE bench.orders (id BIGINT PRIMARY KEY, customer VARCHAR(64), email VARCHAR(64),"
                            + " city VARCHAR(32), amount DECIMAL(12,2), score DOUBLE, created DATETIME(6),"
                            + " status INT, note VARCHAR(120))");
            String[] start = binlogPosition(server);
            long loadStarted = System.nanoTime();
            load(server, rows);
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            System.out.printf("loaded %,d rows in %.1f s (%,.0f rows/s)%n", rows, loadSeconds, rows / loadSeconds);
            if (snapshot) {
                start = binlogPosition(server); // the rows come from the snapshot, not from the binlog
            }

            String brokerMarker = broker == null ? null : brokerMarker(sink);
            double brokerCpuBefore = broker == null ? 0 : childCpuSeconds(brokerMarker);
            Process daemon = startDaemon(server, start, rows, heap, sink, address,
                    snapshot ? List.of("-Dbench.mode=snapshot") : List.of());
            Thread relay = relay(daemon, line -> {
                if (line.equals("MEASURED") && broker != null) {
                    System.out.printf("broker CPU during the daemon run: %.1f s%n",
                            childCpuSeconds(brokerMarker) - brokerCpuBefore);
                }
            });
            awaitExit(daemon, relay);
            if (broker != null) {
                double brokerCpu = childCpuSeconds(brokerMarker);
                double ownCpu = ownCpuSeconds();
                if (broker instanceof KafkaServer) {
                    System.out.println(KafkaBench.batchStatistics(broker.dataDir(), KafkaBench.TOPIC));
                    KafkaBench.baseline(address, rows);
                    System.out.println(KafkaBench.batchStatistics(broker.dataDir(), KafkaBench.BASELINE_TOPIC));
                } else {
                    NatsBench.baseline(address, rows);
                }
                System.out.printf("baseline CPU: broker %.1f s, producer JVM %.1f s (including reading 1,000 samples)%n",
                        childCpuSeconds(brokerMarker) - brokerCpu, ownCpuSeconds() - ownCpu);
            }
        }
    }

    private static void latency(String heap, String sink, ThrowawayServer broker, String address) throws Exception {
        int rate = Integer.getInteger("bench.latency.rate", 5000);
        int seconds = Integer.getInteger("bench.latency.seconds", 60);
        int warmUpSeconds = Integer.getInteger("bench.latency.warm-up-seconds", 10);
        int rowsPerCommit = Integer.getInteger("bench.latency.rows-per-commit", 50);
        long warmUpRows = roundUp((long) rate * warmUpSeconds, rowsPerCommit);
        long rows = warmUpRows + roundUp((long) rate * seconds, rowsPerCommit);
        try (DatabaseServer server = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start()) {
            server.execute("CREATE DATABASE bench", SteadyLoad.CREATE_TABLE);
            String[] start = binlogPosition(server);
            String brokerMarker = brokerMarker(sink);
            double brokerCpuBefore = childCpuSeconds(brokerMarker);
            Process daemon = startDaemon(server, start, rows, heap, sink, address,
                    List.of("-Dbench.mode=latency", "-Dbench.latency.warm-up-rows=" + warmUpRows));
            CountDownLatch ready = new CountDownLatch(1);
            Thread relay = relay(daemon, line -> {
                if (line.startsWith("SINK READY")) {
                    ready.countDown();
                }
            });
            if (!ready.await(2, TimeUnit.MINUTES)) {
                daemon.destroy();
                throw new IllegalStateException("the daemon under test did not create its sink within 2 minutes");
            }
            System.out.printf("writing %,d rows/s in commits of %d rows: %d s warm-up (%,d rows), then %d s measured%n",
                    rate, rowsPerCommit, warmUpSeconds, warmUpRows, seconds);
            new SteadyLoad(server, rate, rowsPerCommit).run(rows);
            awaitExit(daemon, relay);
            System.out.printf("broker CPU during the run: %.1f s%n", childCpuSeconds(brokerMarker) - brokerCpuBefore);
        }
    }

    private static long roundUp(long value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    private static Process startDaemon(DatabaseServer server, String[] start, long expected, String heap, String sink,
                                       String address, List<String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        // Extra JVM options for the measured process, e.g. -Dbench.daemon.options=-XX:StartFlightRecording=...
        String extra = System.getProperty("bench.daemon.options", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        for (String forwarded : List.of("bench.kafka.delivery", "bench.checkpoint.max-events", "bench.sink.config",
                "bench.pipeline.queue-events", "bench.pipeline.max-in-flight-bytes", "bench.snapshot.chunk-size")) {
            String value = System.getProperty(forwarded, "");
            if (!value.isBlank()) {
                command.add("-D" + forwarded + "=" + value);
                System.out.println("daemon " + forwarded + " = " + value);
            }
        }
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DaemonUnderTest.class.getName(),
                server.host(), Integer.toString(server.port()), server.user(), server.password(),
                start[0], start[1], Long.toString(expected), sink));
        if (address != null) {
            command.add(address);
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Copies the daemon's figures and errors to standard output on a thread of its own, and shows every line to {@code watcher}. */
    private static Thread relay(Process daemon, Consumer<String> watcher) {
        Thread relay = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (FIGURES.matcher(line).lookingAt() || line.contains("ERROR") || line.contains("Exception")) {
                        System.out.println(line);
                    }
                    watcher.accept(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "bench-daemon-output");
        relay.start();
        return relay;
    }

    private static void awaitExit(Process daemon, Thread relay) throws InterruptedException {
        int exit = daemon.waitFor();
        relay.join();
        if (exit != 0) {
            throw new IllegalStateException("the daemon under test exited with " + exit);
        }
    }

    /** What the broker's command line contains: the Kafka JVM's main class, or the nats-server binary. */
    private static String brokerMarker(String sink) {
        return sink.equals("kafka") ? "kafka" : "nats-server";
    }

    private static double ownCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    /** CPU time of this process's child whose command line mentions {@code marker}: the broker. */
    private static double childCpuSeconds(String marker) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)
                        && !p.info().commandLine().map(c -> c.contains(DaemonUnderTest.class.getName())).orElse(false))
                .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0))
                .sum();
    }

    private static String[] binlogPosition(DatabaseServer server) throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW MASTER STATUS")) {
            rs.next();
            return new String[] {rs.getString(1), Long.toString(rs.getLong(2))};
        }
    }

    /** Server-side generation in transactions of {@value #BATCH} rows: the load itself is not measured. */
    private static void load(DatabaseServer server, int rows) throws Exception {
        try (Connection connection = server.connect("bench"); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION cte_max_recursion_depth = " + (BATCH + 1));
            for (int from = 0; from < rows; from += BATCH) {
                int count = Math.min(BATCH, rows - from);
                statement.execute("INSERT INTO orders WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq"
                        + " WHERE n < " + count + ") SELECT " + from + " + n, CONCAT('customer-', LPAD(n, 24, '0')),"
                        + " CONCAT('user', n, '@example.com'), ELT(1 + n % 4, 'Lisbon', 'Osaka', 'Lagos', 'Quito'),"
                        + " (n % 100000) / 100, n / 7, TIMESTAMP('2024-01-01') + INTERVAL n SECOND, n % 5,"
                        + " REPEAT('lorem ipsum ', 9) FROM seq");
            }
        }
    }
}
