package io.sluice.connector.checkpoint;

import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps the checkpoint in a local file. A save writes a temporary file beside it, forces it to disk,
 * renames it over the old one and forces the directory, so after a crash the file holds either the
 * old or the new checkpoint, never a torn mix.
 *
 * <p>A store {@linkplain #lockedForWriting locked for writing} also holds the file's {@link WriterLock}
 * until it is closed, so that no other process writes the same checkpoint meanwhile.
 */
public final class FileCheckpointStore implements CheckpointStore {

    private final Path path;
    private final Path temporary;
    /** Held until {@link #close}, or {@code null} for a store that only reads or is not yet locked. */
    private final WriterLock lock;

    public FileCheckpointStore(Path path) {
        this(path, null);
    }

    private FileCheckpointStore(Path path, WriterLock lock) {
        this.path = path.toAbsolutePath();
        this.temporary = this.path.resolveSibling(this.path.getFileName() + ".tmp");
        this.lock = lock;
    }

    /**
     * {@code store} held by this process alone until it is closed: for a file store, the same file with
     * its {@link WriterLock} taken; any other store unchanged, since its file, if any, is elsewhere (such
     * stores detect a second writer themselves, or not at all). The daemon and {@code sluice position set}
     * open their stores through this.
     *
     * @throws CheckpointLockedException when another process writes the file; {@code store} is then closed
     */
    public static CheckpointStore lockedForWriting(CheckpointStore store) throws CheckpointException {
        if (!(store instanceof FileCheckpointStore file) || file.lock != null) {
            return store;
        }
        try {
            return new FileCheckpointStore(file.path, WriterLock.take(file.path));
        } catch (CheckpointException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public Optional<String> load() throws CheckpointException {
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint file " + path + ": " + e.getMessage()
                    + ". Check the file's permissions, or delete it to start from sluice.source.start.", e);
        }
    }

    @Override
    public void save(String checkpoint) throws CheckpointException {
        try {
            Path directory = path.getParent();
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(checkpoint.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
        } catch (IOException e) {
            throw new CheckpointException("cannot write checkpoint file " + path + ": " + e.getMessage()
                    + ". Check that the directory exists, is writable and has free space"
                    + " (sluice.checkpoint.file.path).", e);
        }
    }

    /** Makes the rename itself durable; without it a crash may bring back the old directory entry. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for reading; the rename is still atomic there.
        }
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    /** Releases the {@link WriterLock}, if held; no file stays open between saves. */
    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }
}
