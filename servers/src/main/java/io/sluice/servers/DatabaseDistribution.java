package io.sluice.servers;

import java.nio.file.Path;
import java.util.List;

/**
 * How one database flavor is installed and run: where its binaries are, how a fresh data directory
 * is made, and the server's command line. Implementations are immutable and shared by every server
 * of their flavor.
 */
interface DatabaseDistribution {

    /** The server binary and version, for messages: {@code "mysqld 8.0.31"}. */
    String description();

    /**
     * A cached, initialised data directory to copy for each new server, in which {@code root} may log
     * in over TCP from 127.0.0.1 with an empty password. Built on first use (seconds), then reused.
     */
    Path dataDirTemplate();

    /** Flavor-specific server options, such as what it takes to turn GTIDs on. */
    List<String> flavorOptions(boolean gtid);

    /** The full command that runs the server on {@code dataDir}, with {@code options} appended last. */
    List<String> serverCommand(Path dataDir, List<String> options);
}
