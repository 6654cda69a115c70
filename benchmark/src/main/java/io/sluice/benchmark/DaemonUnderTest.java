package io.sluice.benchmark;

import com.typesafe.config.Config;
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
import org.apache.kafka.clients.admin.Admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The measured process: runs the daemon with default pipeline settings from a given binlog position
 * into the counting sink, and prints one {@code RESULT} line once the expected number of events arrived.
 *
 * <p>With the extra arguments {@code kafka <bootstrap servers>} it runs the kafka sink instead (its
 * defaults: idempotent, acks=all) and waits until the topic's end offsets, summed over its partitions,
 * reach the expected number: the last record is then acknowledged. The first-to-last time starts
 * when the first record is. Bytes are counted afterwards by reading the topic back, once the peak
 * resident memory was taken and the daemon stopped.
 */
public final class DaemonUnderTest {

    private DaemonUnderTest() {
    }

    public static void main(String[] args) throws Exception {
        long expected = Long.parseLong(args[6]);
        boolean kafka = args.length > 8 && args[7].equals("kafka");
        String bootstrap = kafka ? args[8] : null;
        CountingSink.targetEvents = expected;
        SinkSelection sink = kafka
                ? new SinkSelection("kafka", kafkaSink(bootstrap))
                : new SinkSelection("counting", ConfigFactory.empty());
        Path checkpoint = Files.createTempFile("sluice-bench-checkpoint", ".json");
        Files.delete(checkpoint);
        SourceConfig source = new SourceConfig(args[0], Integer.parseInt(args[1]), args[2], new Secret(args[3]), 6499,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
                new StartPosition(StartPosition.Kind.FILE, args[4], Long.parseLong(args[5]), null));
        SluiceConfig config = new SluiceConfig(source,
                new FilterConfig(List.of("bench"), List.of(), List.of(), List.of(), List.of()),
                sink,
                new CheckpointConfig("file", ConfigFactory.parseMap(Map.of("path", checkpoint.toString())),
                        Duration.ofSeconds(1), 10_000),
                new PipelineConfig(8192, 64L << 20, Duration.ofSeconds(30)),
                ValueEncoding.DEFAULT);
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
        if (kafka) {
            measureKafka(daemon, runner, bootstrap, expected, started);
            return;
        }
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
                bytes / expected, peakRssMegabytes(), Runtime.getRuntime().maxMemory() / (1 << 20) + "MB");
        daemon.stop();
        runner.join(10_000);
        Files.deleteIfExists(checkpoint);
        System.exit(0);
    }

    private static Config kafkaSink(String bootstrap) {
        return ConfigFactory.parseMap(Map.of(
                        "topic-prefix", "bench",
                        "producer.bootstrap.servers", bootstrap,
                        "create-topics.enabled", true,
                        "create-topics.partitions", KafkaBench.PARTITIONS))
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.kafka"));
    }

    private static void measureKafka(Daemon daemon, Thread runner, String bootstrap, long expected, long started)
            throws Exception {
        long first = 0;
        long finished;
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (true) {
                long acknowledged = KafkaBench.endOffsets(admin, KafkaBench.TOPIC);
                long now = System.nanoTime();
                if (acknowledged > 0 && first == 0) {
                    first = now;
                }
                if (acknowledged >= expected) {
                    finished = now;
                    break;
                }
                if (now > deadline) {
                    System.out.println("RESULT timeout: " + acknowledged + " of " + expected + " events acknowledged");
                    System.exit(2);
                }
                Thread.sleep(10);
            }
        }
        long peakRss = peakRssMegabytes();
        double cpu = cpuSeconds();
        // The parent takes the broker's CPU time on this line, before the topic is read back.
        System.out.println("MEASURED");
        daemon.stop();
        runner.join(10_000);
        long[] counted = KafkaBench.countBytes(bootstrap, KafkaBench.TOPIC);
        double total = (finished - started) / 1e9;
        double streaming = (finished - first) / 1e9;
        System.out.printf("RESULT sink=kafka events=%d seconds=%.2f (first-to-last %.2f) events/s=%.0f"
                        + " (first-to-last %.0f) MB/s=%.1f avg-event-bytes=%d peak-rss-MB=%d heap-max=%s"
                        + " cpu-s=%.1f records-in-topic=%d%n",
                expected, total, streaming, expected / total, expected / streaming, counted[1] / 1e6 / streaming,
                counted[1] / counted[0], peakRss, Runtime.getRuntime().maxMemory() / (1 << 20) + "MB", cpu, counted[0]);
        System.exit(0);
    }

    /** CPU time of the whole daemon JVM so far (all threads, JIT and GC included). */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
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
