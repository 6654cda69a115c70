package io.sluice.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The try-it command runs end to end: events for the sample schema reach standard output, then it cleans up. */
class DemoIT {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void streamsTheShopWorkloadToStandardOutput() throws Exception {
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Demo.class.getName(), "8")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = readAll(demo.getInputStream());
        assertTrue(demo.waitFor(2, TimeUnit.MINUTES), "the demo ends by itself after its duration");
        assertEquals(0, demo.exitValue(), "exit code");
        assertTrue(out.contains("\"table\" : \"customers\""), "customer inserts arrive:\n" + out);
        assertTrue(out.contains("\"table\" : \"orders\""), "the live workload's orders arrive:\n" + out);
        assertTrue(out.contains("\"op\" : \"c\""), "insert events arrive");
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
