package io.sluice.benchmark;

import com.sun.management.OperatingSystemMXBean;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.sluice.connector.Daemon;
import io.sluice.connector.config.CheckpointConfig;
import io.sluice.connector.config.FilterConfig;
import io.sluice.connector.config.PipelineConfig;
import io.sluice.connector.config.Secret;
import io.sluice.connector.config.SinkSelection;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.config.SnapshotConfig;
import io.sluice.connector.config.SourceConfig;
import io.sluice.connector.config.StartPosition;
import io.sluice.connector.decode.ValueEncoding;
import org.apache.kafka.clients.admin.Admin;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measured process: runs the daemon from a given binlog position and prints one {@code RESULT}
 * line (throughput mode) or {@code LATENCY} lines (latency mode).
 *
 * <p>Arguments: source host, port, user, password, binlog file, offset, expected events, then the
 * sink ({@code counting}, {@code kafka} or {@code nats}) and, for a broker, its address. The
 * orchestrator ({@link ReadBenchmark}) passes the rest as system properties:
 * <ul>
 *   <li>{@code bench.mode}: {@code throughput} (default) or {@code latency};</li>
 *   <li>{@code bench.latency.warm-up-rows}: in latency mode, rows 1 to this are not measured;</li>
 *   <li>{@code bench.kafka.delivery}: {@code exactly-once} runs the kafka sink in transactions with the
 *       {@code kafka} checkpoint store; throughput is then counted by a {@code read_committed} consumer;</li>
 *   <li>{@code bench.checkpoint.max-events}: {@code sluice.checkpoint.max-events} (10,000 as in
 *       {@code reference.conf}); the interval stays 1 s;</li>
 *   <li>{@code bench.sink.config}: HOCON merged over the sink's settings, e.g. {@code producer.linger.ms = 20};</li>
 *   <li>{@code bench.pipeline.queue-events}, {@code bench.pipeline.max-in-flight-bytes}: the pipeline bounds
 *       (8192 and 16 MiB by default, as in {@code reference.conf}).</li>
 * </ul>
 *
 * <p>Throughput, counting sink: timed until the sink counted the expected events. Kafka: until the
 * topic's end offsets, summed over its partitions, reach the expected number, i.e. the last record is
 * acknowledged. NATS: until the stream's stored-message count does, i.e. the last publish is
 * acknowledged. The first-to-last time starts when the first event is counted or stored. Bytes are
 * counted after the peak resident memory and CPU time were taken.
 *
 * <p>Latency: the sink is wrapped in {@link LatencySink}, which records commit-to-acknowledgement per
 * row; for Kafka a {@code read_committed} consumer records commit-to-visible as well. With Kafka
 * exactly-once the wrapper is used in both modes, to time the transaction commits.
 */
public final class DaemonUnderTest {

    private DaemonUnderTest() {
    }

    public static void main(String[] args) throws Exception {
        long expected = Long.parseLong(args[6]);
        String sinkType = args.length > 7 ? args[7] : "counting";
        String address = args.length > 8 ? args[8] : null;
        boolean latency = System.getProperty("bench.mode", "throughput").equals("latency");
        CountingSink.targetEvents = expected;
        Config sinkSettings = switch (sinkType) {
            case "counting" -> ConfigFactory.empty();
            case "kafka" -> kafkaSink(address);
            case "nats" -> natsSink(address);
            default -> throw new IllegalArgumentException("unknown sink " + sinkType);
        };
        sinkSettings = ConfigFactory.parseString(System.getProperty("bench.sink.config", "")).withFallback(sinkSettings);
        LatencyRecorder acknowledged = null;
        SinkSelection sink = new SinkSelection(sinkType, sinkSettings);
        if (latency || exactlyOnce(sinkType)) {
            long warmUp = Long.getLong("bench.latency.warm-up-rows", 0);
            if (latency) {
                acknowledged = new LatencyRecorder(exactlyOnce(sinkType)
                        ? "kafka exactly-once commit-to-send-ack (not yet committed)" : sinkType + " commit-to-ack",
                        warmUp, expected - warmUp);
            }
            // In throughput mode the wrapper only times the exactly-once commits.
            LatencySinkFactory.recorder = acknowledged;
            sink = new SinkSelection("latency", ConfigFactory.parseMap(Map.of("sink", sinkType))
                    .withValue(sinkType, sinkSettings.root()));
        }
        Path checkpoint = Files.createTempFile("sluice-bench-checkpoint", ".json");
        Files.delete(checkpoint);
        SourceConfig source = new SourceConfig(args[0], Integer.parseInt(args[1]), args[2], new Secret(args[3]), 6499,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
                new StartPosition(StartPosition.Kind.FILE, args[4], Long.parseLong(args[5]), null));
        SluiceConfig config = new SluiceConfig(source,
                new FilterConfig(List.of("bench"), List.of(), List.of(), List.of(), List.of()),
                sink, checkpointConfig(sinkType, address, checkpoint), pipelineConfig(), ValueEncoding.DEFAULT,
                System.getProperty("bench.mode", "").equals("snapshot")
                        ? new SnapshotConfig(SnapshotConfig.Mode.INITIAL, Integer.getInteger("bench.snapshot.chunk-size", 8192), 1, null)
                        : SnapshotConfig.NEVER);
        Daemon daemon = new Daemon(config);
        long started = System.nanoTime();
        Thread runner = new Thread(() -> {
            try {
                daemon.run();
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(1);
            }
        }, "bench-daemon");
        runner.start();
        if (latency) {
            measureLatency(daemon, runner, sinkType, address, acknowledged, expected);
        } else if (sinkType.equals("kafka")) {
            measureKafka(daemon, runner, address, expected, started);
        } else if (sinkType.equals("nats")) {
            measureNats(daemon, runner, address, expected, started);
        } else {
            measureCounting(daemon, runner, expected, started);
        }
        Files.deleteIfExists(checkpoint);
        System.exit(0);
    }

    /**
     * Every second or every {@code bench.checkpoint.max-events}: a file, or with exactly-once the
     * {@code kafka} store, where every checkpoint is a transaction commit.
     */
    private static CheckpointConfig checkpointConfig(String sinkType, String address, Path file) {
        int maxEvents = Integer.getInteger("bench.checkpoint.max-events", 10_000);
        if (exactlyOnce(sinkType)) {
            return new CheckpointConfig("kafka", ConfigFactory.parseMap(Map.of("key", "bench",
                            "producer.bootstrap.servers", address))
                    .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.kafka")),
                    Duration.ofSeconds(1), maxEvents);
        }
        return new CheckpointConfig("file", ConfigFactory.parseMap(Map.of("path", file.toString())),
                Duration.ofSeconds(1), maxEvents);
    }

    /** The pipeline bounds: 8192 rows and 16 MiB unless {@code bench.pipeline.*} say otherwise. */
    private static PipelineConfig pipelineConfig() {
        long maxInFlightBytes = ConfigFactory.parseString("bytes = "
                + System.getProperty("bench.pipeline.max-in-flight-bytes", "16MiB")).getBytes("bytes");
        return new PipelineConfig(Integer.getInteger("bench.pipeline.queue-events", 8192), maxInFlightBytes,
                Duration.ofSeconds(30));
    }

    /**
     * {@code -Dbench.kafka.delivery=exactly-once}: the sink writes events and checkpoints in Kafka
     * transactions, which needs the {@code kafka} checkpoint store; "acknowledged" then means committed.
     */
    private static boolean exactlyOnce(String sinkType) {
        return sinkType.equals("kafka") && System.getProperty("bench.kafka.delivery", "").equals("exactly-once");
    }

    private static Config kafkaSink(String bootstrap) {
        Config delivery = exactlyOnce("kafka")
                ? ConfigFactory.parseMap(Map.of("delivery", "exactly-once")) : ConfigFactory.empty();
        return delivery.withFallback(ConfigFactory.parseMap(Map.of(
                        "topic-prefix", "bench",
                        "producer.bootstrap.servers", bootstrap,
                        "create-topics.enabled", true,
                        "create-topics.partitions", KafkaBench.PARTITIONS)))
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.kafka"));
    }

    /** The stream exists already (see {@link NatsBench#createStreams}); the sink only checks it. */
    private static Config natsSink(String url) {
        return ConfigFactory.parseMap(Map.of(
                        "servers", List.of(url),
                        "subject-prefix", NatsBench.SUBJECT_PREFIX,
                        "stream.name", NatsBench.STREAM,
                        "stream.duplicate-window", NatsBench.DUPLICATE_WINDOW.toSeconds() + "s"))
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats"));
    }

    private static void measureCounting(Daemon daemon, Thread runner, long expected, long started) throws Exception {
        if (!CountingSink.target.await(10, TimeUnit.MINUTES)) {
            System.out.println("RESULT timeout: " + CountingSink.EVENTS.get() + " of " + expected + " events");
            System.exit(2);
        }
        long finished = System.nanoTime();
        double total = (finished - started) / 1e9;
        double streaming = (finished - CountingSink.firstEventNanos) / 1e9;
        long bytes = CountingSink.BYTES.get();
        System.out.printf("RESULT events=%d seconds=%.2f (first-to-last %.2f) events/s=%.0f (first-to-last %.0f)"
                        + " MB/s=%.1f avg-event-bytes=%d peak-rss-MB=%d heap-max=%s%n",
                expected, total, streaming, expected / total, expected / streaming, bytes / 1e6 / streaming,
                bytes / expected, peakRssMegabytes(), heapMax());
        daemon.stop();
        runner.join(10_000);
    }

    /**
     * Polls a count every 10 ms until it reaches {@code expected}; returns, in nanos, when it was first
     * non-zero, when it reached half of {@code expected}, and when it reached {@code expected}. The
     * second half runs after most of the JIT compilation, so its rate is closer to a long-running daemon's.
     */
    private static long[] awaitCount(Counter counter, long expected, long started, String what) throws Exception {
        long first = 0;
        long half = 0;
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            long count = counter.count();
            long now = System.nanoTime();
            if (count > 0 && first == 0) {
                first = now;
            }
            if (count >= expected / 2 && half == 0) {
                half = now;
            }
            if (count >= expected) {
                return new long[] {first, now, half};
            }
            if (now > deadline) {
                System.out.println("RESULT timeout: " + count + " of " + expected + " " + what);
                System.exit(2);
            }
            Thread.sleep(10);
        }
    }

    /** Events per second from half of {@code expected} to all of it, from {@link #awaitCount}'s times. */
    private static double secondHalfRate(long[] times, long expected) {
        return (expected - expected / 2) / ((times[1] - times[2]) / 1e9);
    }

    @FunctionalInterface
    private interface Counter {
        long count() throws Exception;
    }

    private static void measureKafka(Daemon daemon, Thread runner, String bootstrap, long expected, long started)
            throws Exception {
        long[] times;
        if (exactlyOnce("kafka")) {
            // End offsets also count transaction markers: count the committed records themselves.
            AtomicLong committed = new AtomicLong();
            KafkaBench.committedRecords(bootstrap, committed);
            times = awaitCount(committed::get, expected, started, "events committed");
        } else {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                times = awaitCount(() -> KafkaBench.endOffsets(admin, KafkaBench.TOPIC), expected, started,
                        "events acknowledged");
            }
        }
        long peakRss = peakRssMegabytes();
        double cpu = cpuSeconds();
        System.out.println(threadCpu());
        if (exactlyOnce("kafka")) {
            System.out.println(LatencySink.Transactional.commits());
        }
        // The parent takes the broker's CPU time on this line, before the topic is read back.
        System.out.println("MEASURED");
        daemon.stop();
        runner.join(10_000);
        long[] counted = KafkaBench.countBytes(bootstrap, KafkaBench.TOPIC);
        double total = (times[1] - started) / 1e9;
        double streaming = (times[1] - times[0]) / 1e9;
        System.out.printf("RESULT sink=kafka" + (exactlyOnce("kafka") ? " delivery=exactly-once" : "") + " events=%d seconds=%.2f (first-to-last %.2f) events/s=%.0f"
                        + " (first-to-last %.0f) MB/s=%.1f avg-event-bytes=%d peak-rss-MB=%d heap-max=%s"
                        + " cpu-s=%.1f records-in-topic=%d second-half-events/s=%.0f%n",
                expected, total, streaming, expected / total, expected / streaming, counted[1] / 1e6 / streaming,
                counted[1] / counted[0], peakRss, heapMax(), cpu, counted[0], secondHalfRate(times, expected));
    }

    private static void measureNats(Daemon daemon, Thread runner, String url, long expected, long started)
            throws Exception {
        long[] times;
        long[] stored;
        try (Connection connection = Nats.connect(url)) {
            JetStreamManagement jsm = connection.jetStreamManagement();
            times = awaitCount(() -> NatsBench.stored(jsm, NatsBench.STREAM)[0], expected, started,
                    "events stored");
            stored = NatsBench.stored(jsm, NatsBench.STREAM);
        }
        long peakRss = peakRssMegabytes();
        double cpu = cpuSeconds();
        System.out.println(threadCpu());
        System.out.println("MEASURED");
        daemon.stop();
        runner.join(10_000);
        double total = (times[1] - started) / 1e9;
        double streaming = (times[1] - times[0]) / 1e9;
        // Stored bytes are JetStream's own count: payload (the event value), headers (id, op, key) and subject.
        System.out.printf("RESULT sink=nats events=%d seconds=%.2f (first-to-last %.2f) events/s=%.0f"
                        + " (first-to-last %.0f) MB/s-stored=%.1f avg-stored-bytes=%d peak-rss-MB=%d heap-max=%s"
                        + " cpu-s=%.1f messages-in-stream=%d second-half-events/s=%.0f%n",
                expected, total, streaming, expected / total, expected / streaming, stored[1] / 1e6 / streaming,
                stored[1] / stored[0], peakRss, heapMax(), cpu, stored[0], secondHalfRate(times, expected));
    }

    private static void measureLatency(Daemon daemon, Thread runner, String sinkType, String address,
                                       LatencyRecorder acknowledged, long expected) throws Exception {
        LatencyRecorder visible = null;
        if (sinkType.equals("kafka")) {
            long warmUp = Long.getLong("bench.latency.warm-up-rows", 0);
            visible = new LatencyRecorder("kafka" + (exactlyOnce(sinkType) ? " exactly-once" : "")
                    + " commit-to-visible (read_committed)", warmUp, expected - warmUp);
            KafkaBench.visibleLatency(address, visible);
        }
        // Generous: the load itself runs for its warm-up and duration before the last row exists.
        if (!acknowledged.await(15, TimeUnit.MINUTES) || (visible != null && !visible.await(2, TimeUnit.MINUTES))) {
            System.out.println("RESULT timeout: " + acknowledged.count() + " rows acknowledged"
                    + (visible == null ? "" : ", " + visible.count() + " visible") + " of " + expected);
            System.exit(2);
        }
        System.out.println(acknowledged.summary());
        if (visible != null) {
            System.out.println(visible.summary());
        }
        if (exactlyOnce(sinkType)) {
            System.out.println(LatencySink.Transactional.commits());
        }
        System.out.printf("RESULT sink=%s%s mode=latency rows=%d peak-rss-MB=%d heap-max=%s cpu-s=%.1f%n",
                sinkType, exactlyOnce(sinkType) ? " delivery=exactly-once" : "", expected, peakRssMegabytes(), heapMax(), cpuSeconds());
        daemon.stop();
        runner.join(10_000);
    }

    /**
     * CPU seconds per live thread, grouped by name with numbers dropped ({@code sluice-encoder-N}), and
     * what is left of the process's CPU time: the JVM's own threads (GC, JIT compiler) and threads
     * that already ended. Shows which stage is saturated when the machine is.
     */
    static String threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> byName = new TreeMap<>();
        double sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            double seconds = threads.getThreadCpuTime(info.getThreadId()) / 1e9;
            if (seconds > 0) {
                byName.merge(info.getThreadName().replaceAll("\\d+", "N"), seconds, Double::sum);
                sum += seconds;
            }
        }
        StringBuilder line = new StringBuilder("THREADS cpu-s");
        byName.entrySet().stream().filter(e -> e.getValue() >= 0.1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" [%s]=%.1f", e.getKey(), e.getValue())));
        line.append(String.format(" [jvm: gc, jit, ended threads]=%.1f", cpuSeconds() - sum));
        // Wall-clock figures the JVM keeps: GC pauses per collector, and time spent compiling.
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            line.append(String.format(" gc[%s]=%d/%.1fs", gc.getName(), gc.getCollectionCount(),
                    gc.getCollectionTime() / 1e3));
        }
        return line.append(String.format(" jit=%.1fs",
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3)).toString();
    }

    private static String heapMax() {
        return Runtime.getRuntime().maxMemory() / (1 << 20) + "MB";
    }

    /** CPU time of the whole daemon JVM so far (all threads, JIT and GC included). */
    static double cpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** VmHWM: the most resident memory the process ever had, as the kernel counted it. */
    private static long peakRssMegabytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
