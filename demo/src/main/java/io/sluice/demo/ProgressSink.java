package io.sluice.demo;

import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands every event to another sink, counts those it acknowledges, and says every few seconds how
 * many that is, so that a demo publishing to a broker shows it is alive. The count is of broker
 * acknowledgements, not of attempts. Thread {@code sluice-demo-progress} writes the reports.
 */
final class ProgressSink implements Sink {

    private final Sink target;
    private final PrintStream report;
    private final AtomicLong acknowledged = new AtomicLong();
    private final Duration every;
    private final ScheduledExecutorService reporter;
    /** The count at the last report; only the reporting thread touches it. */
    private long reported;

    /** @param every how often to report; {@code report} receives one line each time */
    ProgressSink(Sink target, Duration every, PrintStream report) {
        this.target = target;
        this.report = report;
        this.every = every;
        this.reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sluice-demo-progress");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleAtFixedRate(this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void publish(ChangeEvent event, PublishCallback callback) throws InterruptedException, SinkException {
        target.publish(event, (published, failure) -> {
            if (failure == null) {
                acknowledged.incrementAndGet();
            }
            callback.completed(published, failure);
        });
    }

    private void report() {
        long now = acknowledged.get();
        report.println("sluice demo: " + now + " events published, " + (now - reported) + " of them in the last "
                + every.toSeconds() + " s");
        reported = now;
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        return target.flush(timeout);
    }

    @Override
    public boolean connected() {
        return target.connected();
    }

    @Override
    public void close() {
        reporter.shutdownNow();
        try {
            target.close();
        } finally {
            report.println("sluice demo: " + acknowledged.get() + " events published in all");
        }
    }
}
