/** The {@code sluice} command line: {@code run} and {@code check}, and the mapping of failures to exit codes. */
package io.sluice.connector.cli;
