/**
 * The {@code sluice} command line: {@code run}, {@code check} and {@code position}, and the mapping of
 * failures to exit codes.
 */
package io.sluice.connector.cli;
