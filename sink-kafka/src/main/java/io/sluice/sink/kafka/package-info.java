/** The Kafka sink: one topic per table, primary key as record key, idempotent producer. */
package io.sluice.sink.kafka;
