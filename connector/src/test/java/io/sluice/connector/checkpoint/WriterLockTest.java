package io.sluice.connector.checkpoint;

import io.sluice.checkpoint.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class WriterLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterInThisProcessIsRefusedUntilTheFirstCloses() throws Exception {
        Path checkpoint = dir.resolve("state/checkpoint.json");
        CheckpointStore first = FileCheckpointStore.lockedForWriting(new FileCheckpointStore(checkpoint));

        CheckpointLockedException refused = assertThrows(CheckpointLockedException.class,
                () -> FileCheckpointStore.lockedForWriting(new FileCheckpointStore(checkpoint)));
        assertEquals(dir.resolve("state/checkpoint.json.lock"), refused.lockFile());
        assertTrue(refused.holder().endsWith("(this process)"), refused.holder());
        assertTrue(refused.getMessage().contains("Two writers would overwrite each other's position"),
                refused.getMessage());

        first.save("{\"version\":2}");
        first.close();
        try (CheckpointStore second = FileCheckpointStore.lockedForWriting(new FileCheckpointStore(checkpoint))) {
            assertEquals("{\"version\":2}", second.load().orElseThrow());
        }
        assertTrue(Files.exists(checkpoint.resolveSibling("checkpoint.json.lock")), "the lock file stays");
    }

    @Test
    void aStoreThatIsNoFileIsReturnedAsItIs() throws Exception {
        CheckpointStore other = new CheckpointStore() {
            @Override
            public java.util.Optional<String> load() {
                return java.util.Optional.empty();
            }

            @Override
            public void save(String checkpoint) {
            }

            @Override
            public String describe() {
                return "elsewhere";
            }

            @Override
            public void close() {
            }
        };
        assertSame(other, FileCheckpointStore.lockedForWriting(other));
    }

    /** The real case: a daemon in another process holds the lock, and killing it with SIGKILL frees it. */
    @Test
    void anotherProcessHoldsTheLockUntilItIsKilled() throws Exception {
        Path checkpoint = dir.resolve("checkpoint.json");
        Process holder = new ProcessBuilder(javaBinary(), "-cp", classPath(), Holder.class.getName(),
                checkpoint.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", lines.readLine());

            CheckpointLockedException refused = assertThrows(CheckpointLockedException.class,
                    () -> WriterLock.take(checkpoint));
            assertTrue(refused.holder().startsWith(holder.pid() + "@"), refused.holder());
        } finally {
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        WriterLock.take(checkpoint).close();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This test's classes and the sink API's, which is all the holder needs. */
    private static String classPath() throws Exception {
        return String.join(File.pathSeparator,
                Path.of(WriterLock.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                Path.of(Holder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                Path.of(io.sluice.checkpoint.CheckpointException.class.getProtectionDomain().getCodeSource()
                        .getLocation().toURI()).toString());
    }

    /** Takes the lock, says so, and holds it until killed. */
    public static final class Holder {

        public static void main(String[] args) throws Exception {
            WriterLock.take(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
