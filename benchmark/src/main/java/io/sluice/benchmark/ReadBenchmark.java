package io.sluice.benchmark;

import io.sluice.servers.DatabaseServer;
import io.sluice.servers.KafkaServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Binlog read throughput: loads N rows of about 300 bytes into a throwaway MySQL 8.0, then starts
 * Sluice in a separate JVM ({@link DaemonUnderTest}) reading them from the binlog into the counting
 * sink, and prints events/s, MB/s and the daemon's peak resident memory.
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark -DskipTests -pl benchmark -am verify [-Dbench.rows=N]}
 *
 * <p>With {@code -Dbench.sink=kafka} a throwaway Kafka broker is started too, the topic created with
 * {@value KafkaBench#PARTITIONS} partitions and the broker warmed up; the daemon publishes with the kafka
 * sink and is timed until the last record is acknowledged. Then a bare {@code KafkaProducer} with the
 * sink's default settings sends as many records, copied from the daemon's, and prints a {@code BASELINE} line.
 */
public final class ReadBenchmark {

    private static final int BATCH = 50_000;

    private ReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String heap = args.length > 1 ? args[1] : "256m";
        // Extra JVM options for the measured process, e.g. -Dbench.daemon.options=-XX:StartFlightRecording=...
        String extra = System.getProperty("bench.daemon.options", "");
        String sink = System.getProperty("bench.sink", "counting");
        if (!sink.equals("counting") && !sink.equals("kafka")) {
            throw new IllegalArgumentException("bench.sink must be counting or kafka, not " + sink);
        }
        KafkaServer kafka = null;
        if (sink.equals("kafka")) {
            kafka = KafkaServer.builder().start();
            KafkaBench.createTopic(kafka.bootstrapServers(), KafkaBench.TOPIC);
            KafkaBench.warmUp(kafka.bootstrapServers());
            System.out.println("kafka broker at " + kafka.bootstrapServers() + ", topic " + KafkaBench.TOPIC
                    + " with " + KafkaBench.PARTITIONS + " partitions, warmed up");
        }
        try {
            run(rows, heap, extra, kafka);
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    private static void run(int rows, String heap, String extra, KafkaServer kafka) throws Exception {
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

            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
            if (!extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), DaemonUnderTest.class.getName(),
                    server.host(), Integer.toString(server.port()), server.user(), server.password(),
                    start[0], start[1], Integer.toString(rows)));
            if (kafka != null) {
                command.addAll(List.of("kafka", kafka.bootstrapServers()));
            }
            double brokerCpuBefore = kafka == null ? 0 : childCpuSeconds("kafka");
            Process daemon = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("RESULT") || line.contains("ERROR") || line.contains("Exception")) {
                        System.out.println(line);
                    }
                    if (line.equals("MEASURED") && kafka != null) {
                        System.out.printf("broker CPU during the daemon run: %.1f s%n",
                                childCpuSeconds("kafka") - brokerCpuBefore);
                    }
                }
            }
            int exit = daemon.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the daemon under test exited with " + exit);
            }
            if (kafka != null) {
                double brokerCpu = childCpuSeconds("kafka");
                double ownCpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
                KafkaBench.baseline(kafka.bootstrapServers(), rows);
                System.out.printf("baseline CPU: broker %.1f s, producer JVM %.1f s (including reading 1,000 samples)%n",
                        childCpuSeconds("kafka") - brokerCpu,
                        ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0)
                                - ownCpu);
            }
        }
    }

    /** CPU time of this process's child whose command line mentions {@code marker}: the broker JVM. */
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
