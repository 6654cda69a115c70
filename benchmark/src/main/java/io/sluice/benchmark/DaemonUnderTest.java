package io.sluice.benchmark;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The measured process: runs the daemon with default pipeline settings from a given binlog position
 * into the counting sink, and prints one {@code RESULT} line once the expected number of events arrived.
 */
public final class DaemonUnderTest {

    private DaemonUnderTest() {
    }

    public static void main(String[] args) throws Exception {
        long expected = Long.parseLong(args[6]);
        CountingSink.targetEvents = expected;
        Path checkpoint = Files.createTempFile("sluice-bench-checkpoint", ".json");
        Files.delete(checkpoint);
        SourceConfig source = new SourceConfig(args[0], Integer.parseInt(args[1]), args[2], new Secret(args[3]), 6499,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
                new StartPosition(StartPosition.Kind.FILE, args[4], Long.parseLong(args[5]), null));
        SluiceConfig config = new SluiceConfig(source,
                new FilterConfig(List.of("bench"), List.of(), List.of(), List.of(), List.of()),
                new SinkSelection("counting", ConfigFactory.empty()),
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
