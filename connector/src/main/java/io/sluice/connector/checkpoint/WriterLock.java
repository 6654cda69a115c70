package io.sluice.connector.checkpoint;

import io.sluice.checkpoint.CheckpointException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive operating-system lock on {@code <checkpoint file>.lock}, held by the one process that may
 * write that checkpoint: the daemon for as long as it runs, or {@code sluice position set} while it
 * moves the position. The operating system drops the lock when its holder dies, even by {@code kill -9},
 * so a lock is never left behind and the file itself stays in place (deleting it would let two
 * processes lock two different files of one name).
 *
 * <p>Limits: the lock is advisory and protects only processes that take it, on one host or on a shared
 * file system whose locks work across hosts (local disks, NFSv4; not every network file system).
 *
 * <p>Within one JVM a second {@link FileChannel} must never be opened on the file: closing it would
 * release the holder's POSIX lock. Locks this JVM holds are therefore remembered here and refused
 * without touching the file.
 */
public final class WriterLock implements AutoCloseable {

    /** Lock files this JVM holds, each with the text naming the holder. */
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file that guards {@code checkpointFile}. */
    public static Path fileFor(Path checkpointFile) {
        Path absolute = checkpointFile.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock guarding {@code checkpointFile} without waiting, and writes this process's name into
     * the lock file for whoever is refused next.
     *
     * @throws CheckpointLockedException when another process, or another part of this one, holds it
     * @throws CheckpointException       when the lock file cannot be created or locked at all
     */
    public static WriterLock take(Path checkpointFile) throws CheckpointException {
        Path file = fileFor(checkpointFile);
        String holder = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        String heldHere = HELD_HERE.putIfAbsent(file, holder);
        if (heldHere != null) {
            throw new CheckpointLockedException(checkpointFile, file, heldHere + " (this process)");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String other = readHolder(channel);
                channel.close();
                throw new CheckpointLockedException(checkpointFile, file, other);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new WriterLock(file, channel, lock);
        } catch (IOException | OverlappingFileLockException e) {
            HELD_HERE.remove(file);
            closeQuietly(channel);
            throw new CheckpointException("cannot lock " + file + " (which keeps two processes from writing the"
                    + " checkpoint " + checkpointFile + " at once): " + e.getMessage() + ". Check that its directory"
                    + " is writable and that the file system supports locks, or set sluice.checkpoint.file.path to"
                    + " a local disk.", e);
        } catch (CheckpointLockedException e) {
            HELD_HERE.remove(file);
            throw e;
        }
    }

    /** What the holder wrote into the lock file; empty while it is between taking the lock and writing. */
    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(256);
        channel.read(bytes, 0);
        String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "another process" : text;
    }

    /** Releases the lock; the lock file is emptied but stays, see the class comment. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock all the same.
        } finally {
            closeQuietly(channel);
            HELD_HERE.remove(file);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing left to do: the operating system drops the lock with the descriptor.
            }
        }
    }
}
