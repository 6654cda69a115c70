package io.sluice.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryCacheTest {

    @TempDir
    Path root;

    @BeforeEach
    void useTemporaryRoot() {
        System.setProperty(BinaryCache.DIR_PROPERTY, root.toString());
    }

    @AfterEach
    void restoreRoot() {
        System.clearProperty(BinaryCache.DIR_PROPERTY);
    }

    @Test
    void buildsAnEntryOnceWhenManyAskAtOnce() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> BinaryCache.entry("thing-1.0", dir -> {
                    builds.incrementAndGet();
                    Thread.sleep(50);
                    Files.writeString(dir.resolve("content"), "built");
                })));
            }
            for (Future<Path> result : results) {
                assertEquals("built", Files.readString(result.get().resolve("content")));
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, builds.get());
    }

    @Test
    void aFailedBuildLeavesNoEntryAndIsRetried() throws IOException {
        ServerException failure = assertThrows(ServerException.class, () -> BinaryCache.entry("thing-2.0", dir -> {
            Files.writeString(dir.resolve("half"), "half");
            throw new IOException("disk full");
        }));
        assertTrue(failure.getMessage().contains("thing-2.0") && failure.getMessage().contains("disk full"),
                failure.getMessage());
        assertTrue(Files.notExists(root.resolve("thing-2.0")));

        Path entry = BinaryCache.entry("thing-2.0", dir -> Files.writeString(dir.resolve("whole"), "whole"));

        assertTrue(Files.exists(entry.resolve("whole")));
        try (var leftovers = Files.list(root)) {
            assertTrue(leftovers.noneMatch(path -> path.getFileName().toString().contains(".partial-")),
                    "the retry removed the failed build's directory");
        }
    }
}
