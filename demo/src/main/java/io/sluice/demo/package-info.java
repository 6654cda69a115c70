/**
 * The try-it demo: Sluice on a throwaway MySQL with a sample shop schema and a gentle live workload,
 * streamed to the terminal (rendered for people, or as JSON lines), a local Kafka or a local NATS.
 */
package io.sluice.demo;
