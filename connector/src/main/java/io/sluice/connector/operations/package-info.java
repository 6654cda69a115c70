/**
 * The operations endpoint: liveness, readiness and Prometheus metrics over plain HTTP, for probes,
 * scrapers and people.
 */
package io.sluice.connector.operations;
