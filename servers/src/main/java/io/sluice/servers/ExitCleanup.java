package io.sluice.servers;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Kills the processes and deletes the directories of servers that were never closed, when the JVM
 * exits: a test that fails before its {@code close()}, or a test run aborted with Ctrl-C or by a
 * surefire timeout (SIGTERM), must not leave a mysqld or a broker running on the machine.
 *
 * <p>Thread-safe. The hook takes no lock a test thread might hold, so it cannot deadlock with a
 * server stuck in {@code start()}: killing the process is what unblocks that thread.
 */
final class ExitCleanup {

    /** Set to {@code true} to keep the data directories of servers left open, for a post-mortem. */
    static final String KEEP_PROPERTY = "sluice.servers.keep";

    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::run, "sluice-servers-exit-cleanup"));
    }

    private ExitCleanup() {
    }

    static void register(Process process) {
        PROCESSES.add(process);
    }

    static void unregister(Process process) {
        PROCESSES.remove(process);
    }

    static void register(Path directory) {
        DIRECTORIES.add(directory);
    }

    static void unregister(Path directory) {
        DIRECTORIES.remove(directory);
    }

    /** Kills {@code process} and every process it started (install scripts start the server binary). */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void run() {
        for (Process process : PROCESSES) {
            killTree(process);
        }
        for (Process process : PROCESSES) {
            try {
                // The files of a process that is still dying may be held open; wait briefly before deleting.
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!Boolean.getBoolean(KEEP_PROPERTY)) {
            DIRECTORIES.forEach(FileTrees::deleteQuietly);
        }
    }
}
