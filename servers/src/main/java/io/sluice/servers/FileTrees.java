package io.sluice.servers;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Recursive copy and delete of directory trees, keeping symlinks as links and file permissions. */
final class FileTrees {

    private FileTrees() {
    }

    /**
     * A new, empty directory for one server under {@code java.io.tmpdir}, or under {@code /tmp} when
     * that path is long: a server's Unix socket lives inside, and socket paths are limited to 107 bytes.
     */
    static Path newServerDirectory(String prefix) {
        Path base = Paths.get(System.getProperty("java.io.tmpdir"));
        if (base.toAbsolutePath().toString().length() > 50) {
            base = Paths.get("/tmp");
        }
        try {
            return Files.createTempDirectory(base, "sluice-" + prefix + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new ServerException("cannot create a data directory under " + base + ": " + e, e);
        }
    }

    /** Copies {@code source} to {@code target}, which must not exist yet. */
    static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.copy(dir, target.resolve(source.relativize(dir).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes {@code root} and everything below it; a missing {@code root} is not an error. */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // A server that was just killed may still be removing its own files (sockets, pid files).
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Like {@link #delete} but never throws: for clean-up paths that must not mask the real error. */
    static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException | RuntimeException e) {
            System.getLogger(FileTrees.class.getName())
                    .log(System.Logger.Level.WARNING, "could not delete " + root + ": " + e);
        }
    }
}
