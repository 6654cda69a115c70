package io.sluice.demo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into an orderly stop. Java reports either only as the JVM shutting
 * down, which ends the process as soon as every shutdown hook has returned; so the hook here asks the
 * demo to stop and then waits, bounded, until the demo says it has cleaned up. A demo that cleaned up
 * ends with its own exit code instead of the signal's (130, 143), as {@code sluice run} does.
 *
 * <p>Thread-safe. One per run; {@link #finished} removes the hook.
 */
final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;
    private volatile int exitCode = 1;

    /** @param cleanupLimit how long a signal waits for the clean-up before the JVM exits regardless */
    StopSignal(Duration cleanupLimit) {
        hook = new Thread(() -> {
            requested.countDown();
            try {
                if (cleanedUp.await(cleanupLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                    // The only way to set the exit code once the JVM is shutting down.
                    Runtime.getRuntime().halt(exitCode);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sluice-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Asks for a stop, as a signal does. */
    void request() {
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** @return whether a stop was asked for within {@code timeout} */
    boolean await(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Says the demo has cleaned up and ends with {@code code}; a signal waiting for it ends the JVM now. */
    void finished(int code) {
        exitCode = code;
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and has just been released.
        }
    }
}
