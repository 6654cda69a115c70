/** The NATS JetStream sink: acknowledged, de-duplicated publishing of change events with jnats. */
package io.sluice.sink.nats;
