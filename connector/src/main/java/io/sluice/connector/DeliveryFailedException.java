package io.sluice.connector;

/**
 * The sink or the checkpoint store failed for good: an event was refused, or positions could not be
 * saved. Wraps the cause with its message unchanged, so the command line can tell this class of
 * failure from a source failure by type alone.
 */
public final class DeliveryFailedException extends Exception {

    public DeliveryFailedException(Exception cause) {
        super(cause.getMessage(), cause);
    }
}
