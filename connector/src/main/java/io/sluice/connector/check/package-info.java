/**
 * Pre-flight checks: whether the configured server, user and plug-ins can serve Sluice, each finding
 * with a fix. Used by {@code sluice check} and by the daemon at start-up to fail fast.
 */
package io.sluice.connector.check;
