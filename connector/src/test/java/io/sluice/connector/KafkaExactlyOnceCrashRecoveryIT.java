package io.sluice.connector;

/**
 * The crash contract through the {@code kafka} sink with {@code delivery = exactly-once}: events and
 * the checkpoint are written in one Kafka transaction, and a restarted daemon fences and aborts the
 * killed one's open transaction. A {@code read_committed} consumer must see every change exactly once.
 */
class KafkaExactlyOnceCrashRecoveryIT extends KafkaCrashRecoveryIT {

    @Override
    protected Guarantee guarantee() {
        return Guarantee.EXACTLY_ONCE;
    }

    @Override
    protected String deliverySettings() {
        return "delivery = exactly-once";
    }

    @Override
    protected String isolationLevel() {
        return "read_committed";
    }
}
