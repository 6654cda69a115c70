package io.sluice.servers;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A machine-wide directory of unpacked server binaries and initialised data-directory templates,
 * shared by every JVM and every build on the machine, so the slow work happens once.
 *
 * <p>Each entry is built once, under a file lock (two test JVMs may start at the same moment), in a
 * temporary sibling directory that is renamed into place only when complete: an entry that exists is
 * whole, and a build that crashed half-way leaves nothing that looks finished.
 *
 * <p>Location, first that is set: system property {@value #DIR_PROPERTY}, environment variable
 * {@value #DIR_ENVIRONMENT}, else {@code ~/.m2/repository/.cache/sluice-servers} (CI systems that cache
 * the Maven repository cache these too). Delete the directory at any time to rebuild everything.
 *
 * <p>Thread-safe.
 */
final class BinaryCache {

    static final String DIR_PROPERTY = "sluice.servers.cache";
    static final String DIR_ENVIRONMENT = "SLUICE_SERVERS_CACHE";

    /** Fills an empty directory with an entry's content. */
    @FunctionalInterface
    interface Builder {
        void build(Path directory) throws Exception;
    }

    private BinaryCache() {
    }

    static Path root() {
        String configured = System.getProperty(DIR_PROPERTY, System.getenv(DIR_ENVIRONMENT));
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        return Paths.get(System.getProperty("user.home"), ".m2", "repository", ".cache", "sluice-servers");
    }

    /**
     * The directory of entry {@code name}, built by {@code builder} if it does not exist yet.
     *
     * @param name a file name that changes whenever the content would (include versions in it)
     */
    static Path entry(String name, Builder builder) {
        Path root = root();
        Path entry = root.resolve(name);
        if (Files.isDirectory(entry)) {
            return entry;
        }
        // FileLock is per JVM, not per thread, and throws if the same JVM asks twice: serialize here first.
        synchronized (BinaryCache.class) {
            try {
                Files.createDirectories(root);
                try (FileChannel lockFile = FileChannel.open(root.resolve(name + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    // Released when the channel closes; blocks while another JVM builds this entry.
                    lockFile.lock();
                    if (Files.isDirectory(entry)) {
                        return entry;
                    }
                    deleteAbandonedBuilds(root, name);
                    Path partial = root.resolve(name + ".partial-" + ProcessHandle.current().pid());
                    Files.createDirectories(partial);
                    long started = System.nanoTime();
                    builder.build(partial);
                    Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE);
                    System.getLogger(BinaryCache.class.getName()).log(System.Logger.Level.INFO,
                            "built " + entry + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
                    return entry;
                }
            } catch (ServerException e) {
                throw e;
            } catch (Exception e) {
                throw new ServerException("cannot build " + entry + ": " + e
                        + " (check free space and permissions there, or point -D" + DIR_PROPERTY
                        + " at another directory)", e);
            }
        }
    }

    /** Removes what earlier, crashed builds of {@code name} left; only the lock holder writes there. */
    private static void deleteAbandonedBuilds(Path root, String name) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(root, name + ".partial-*")) {
            for (Path leftover : leftovers) {
                FileTrees.delete(leftover);
            }
        }
    }
}
