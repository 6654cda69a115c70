package io.sluice.distribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/sluice, and ./sluice which hands every argument to it, as users and the container image run them. */
class LauncherIT {

    private static final String LAUNCHER = Checkout.INSTALLATION.resolve("bin/sluice").toString();
    private static final String CHECKOUT_LAUNCHER = Checkout.ROOT.resolve("sluice").toString();

    @TempDir
    Path dir;

    @Test
    void printsTheVersion() throws Exception {
        Command version = Command.run(Map.of(), LAUNCHER, "--version");

        assertEquals(0, version.exitCode(), version.transcript());
        assertTrue(version.out().contains("sluice " + Checkout.version()), version.transcript());
    }

    @Test
    void aBrokenConfigurationExitsWithTwoAndListsEveryProblem() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.conf"), """
                sluice {
                  source { host = db, user = sluice, hots = db, port = 99999 }
                  pipeline.shutdown-timeout = 30
                }
                """);

        Command run = Command.run(Map.of(), LAUNCHER, "run", "--config", broken.toString());

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("3 problems"), run.transcript());
        for (String path : List.of("sluice.source.hots", "sluice.source.port", "sluice.pipeline.shutdown-timeout")) {
            assertTrue(run.err().contains(path), path + " not reported\n" + run.transcript());
        }
    }

    /**
     * A stand-in java that prints its process id and arguments shows exactly what the launchers start:
     * the same process (they exec, so SIGTERM reaches the JVM), with every argument intact.
     */
    @Test
    void theCheckoutLauncherExecsTheJvmWithEveryArgumentUnchanged() throws Exception {
        Command demo = Command.run(Map.of("JAVA_HOME", fakeJava().toString()),
                CHECKOUT_LAUNCHER, "demo", "--sink", "kafka", "two words");

        List<String> jvm = demo.out().lines().toList();
        assertEquals(0, demo.exitCode(), demo.transcript());
        assertEquals("pid " + demo.pid(), jvm.get(0), "the launchers did not exec java\n" + demo.transcript());
        assertEquals(List.of("-Dfile.encoding=UTF-8", "-Xmx128m", "-XX:+UseSerialGC", "-cp"), jvm.subList(1, 5));
        String classpath = jvm.get(5);
        assertTrue(classpath.contains("/lib/*") && classpath.contains("/demo/*"), classpath);
        assertEquals(List.of("io.sluice.demo.Demo", "--sink", "kafka", "two words"), jvm.subList(6, jvm.size()));
    }

    @Test
    void sluiceJavaOptsReplaceTheJvmDefaults() throws Exception {
        Command run = Command.run(Map.of("JAVA_HOME", fakeJava().toString(), "SLUICE_JAVA_OPTS", "-Xmx1g -Dx=y"),
                LAUNCHER, "run", "--config", "my file.conf");

        List<String> jvm = run.out().lines().toList();
        assertEquals(List.of("-Dfile.encoding=UTF-8", "-Xmx1g", "-Dx=y", "-cp"), jvm.subList(1, 5), run.transcript());
        assertEquals(List.of("io.sluice.connector.cli.Main", "run", "--config", "my file.conf"), jvm.subList(6, jvm.size()));
    }

    /** A JAVA_HOME whose bin/java prints "pid N" and then each argument on a line of its own. */
    private Path fakeJava() throws IOException {
        Path java = Files.createDirectories(dir.resolve("java/bin")).resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"pid $$\"\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve("java");
    }
}
