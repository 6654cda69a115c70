/** Benchmarks that print figures: events per second, bytes per second, peak memory. */
package io.sluice.benchmark;
