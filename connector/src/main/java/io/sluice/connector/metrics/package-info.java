/** What Sluice counts and measures, kept in a Prometheus registry that the operations endpoint serves. */
package io.sluice.connector.metrics;
