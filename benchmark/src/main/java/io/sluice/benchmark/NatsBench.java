package io.sluice.benchmark;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * NATS mode of the benchmark: stream set-up, stored-message counts, and the bare jnats baseline.
 *
 * <p>Both streams are created here, before anything is published, with the settings the sink's
 * {@code reference.conf} asks for (file storage, a 2-minute duplicate window, one replica), so the
 * daemon and the baseline write into streams that differ only in name and subjects.
 */
final class NatsBench {

    /** The daemon's stream: the sink's subject-prefix {@code bench} gives subjects {@code bench.bench.orders}. */
    static final String STREAM = "bench";
    static final String SUBJECT_PREFIX = "bench";
    static final String BASELINE_STREAM = "bench-baseline";
    private static final String BASELINE_SUBJECT = "baseline.bench.orders";
    /** The sink's default {@code max-in-flight}; the baseline holds as many publishes in flight. */
    static final int MAX_IN_FLIGHT = 10_000;
    static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(2);
    /** The sink adds this much room to jnats's outgoing queue above max-in-flight; the baseline does the same. */
    private static final int OUTGOING_QUEUE_HEADROOM = 1024;

    private NatsBench() {
    }

    static void createStreams(String url) throws Exception {
        try (Connection connection = Nats.connect(url)) {
            JetStreamManagement jsm = connection.jetStreamManagement();
            jsm.addStream(stream(STREAM, SUBJECT_PREFIX + ".>"));
            jsm.addStream(stream(BASELINE_STREAM, "baseline.>"));
        }
    }

    private static StreamConfiguration stream(String name, String subjects) {
        return StreamConfiguration.builder().name(name).subjects(subjects).storageType(StorageType.File)
                .duplicateWindow(DUPLICATE_WINDOW).replicas(1).build();
    }

    /** Messages and bytes the stream has stored, each acknowledged to its publisher: {messages, bytes}. */
    static long[] stored(JetStreamManagement jsm, String stream) throws IOException, JetStreamApiException {
        StreamState state = jsm.getStreamInfo(stream).getStreamState();
        return new long[] {state.getMsgCount(), state.getByteCount()};
    }

    /** The first {@code count} messages of the daemon's stream, with their headers: real events. */
    private static List<MessageInfo> samples(JetStreamManagement jsm, int count) throws Exception {
        List<MessageInfo> samples = new ArrayList<>(count);
        for (long seq = 1; seq <= count; seq++) {
            samples.add(jsm.getMessage(STREAM, seq));
        }
        return samples;
    }

    /**
     * A bare jnats publisher: {@code publishAsync} with at most {@value #MAX_IN_FLIGHT} publishes
     * unacknowledged, each message one of the daemon's first 1,000 (headers and payload) with a
     * {@code Nats-Msg-Id} made unique per publish, so the duplicate window checks every one as it
     * does for the daemon. Timed from the first publish, after one acknowledged message, to the last
     * acknowledgement.
     */
    static void baseline(String url, int rows) throws Exception {
        Options options = new Options.Builder().server(url)
                .maxMessagesInOutgoingQueue(MAX_IN_FLIGHT + OUTGOING_QUEUE_HEADROOM).build();
        try (Connection connection = Nats.connect(options)) {
            JetStreamManagement jsm = connection.jetStreamManagement();
            JetStream jetStream = connection.jetStream();
            List<MessageInfo> samples = samples(jsm, 1000);
            jetStream.publish(BASELINE_SUBJECT, headers(samples.get(0), "warm-up"), samples.get(0).getData());
            Semaphore permits = new Semaphore(MAX_IN_FLIGHT);
            AtomicLong acknowledged = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long bytes = 0;
            long started = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                MessageInfo sample = samples.get(i % samples.size());
                bytes += sample.getData().length;
                permits.acquire();
                jetStream.publishAsync(BASELINE_SUBJECT, headers(sample, Integer.toString(i)), sample.getData())
                        .whenComplete((ack, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            } else {
                                acknowledged.incrementAndGet();
                            }
                            permits.release();
                        });
            }
            if (!permits.tryAcquire(MAX_IN_FLIGHT, 2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the baseline's last publishes were not acknowledged in 2 minutes");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("a baseline publish failed", failure.get());
            }
            long[] stored = stored(jsm, BASELINE_STREAM);
            System.out.printf("BASELINE events=%d seconds=%.2f events/s=%.0f MB/s=%.1f avg-payload-bytes=%d"
                            + " stream-messages=%d (bare jnats publishAsync, %d in flight, Nats-Msg-Id set,"
                            + " file storage, duplicate window %s)%n", acknowledged.get(), seconds, rows / seconds,
                    bytes / 1e6 / seconds, bytes / rows, stored[0] - 1, MAX_IN_FLIGHT, DUPLICATE_WINDOW);
        }
    }

    /** The sample's headers with a message id of the same length class that no other publish shares. */
    private static Headers headers(MessageInfo sample, String suffix) {
        Headers headers = new Headers(sample.getHeaders());
        headers.put("Nats-Msg-Id", sample.getHeaders().getFirst("Nats-Msg-Id") + "#" + suffix);
        return headers;
    }
}
