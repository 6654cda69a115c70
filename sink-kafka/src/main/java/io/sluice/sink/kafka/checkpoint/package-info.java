/** Checkpoint store {@code kafka}: the position kept under one key in a compacted topic. */
package io.sluice.sink.kafka.checkpoint;
