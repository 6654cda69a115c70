package io.sluice.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * The class path of a Kafka broker's JVM.
 *
 * <p>First choice: the jars the sluice-servers build resolved for {@code org.apache.kafka:kafka_2.13},
 * listed in the resource {@value #RESOURCE} at build time, so test JVMs need not carry the broker,
 * Scala and their dependencies. That list names files in the local Maven repository of the machine
 * that built it; where they are missing (a jar built elsewhere, a cleaned repository) the current
 * JVM's class path is used if it holds the broker, as in a self-contained demo distribution.
 */
final class KafkaClasspath {

    static final String RESOURCE = "io/sluice/servers/kafka-broker.classpath";
    private static final String BROKER_CLASS = "kafka/Kafka.class";

    private KafkaClasspath() {
    }

    static List<Path> resolve() {
        List<Path> built = fromResource();
        List<Path> missing = built.stream().filter(jar -> !Files.exists(jar)).toList();
        if (!built.isEmpty() && missing.isEmpty()) {
            return built;
        }
        if (KafkaClasspath.class.getClassLoader().getResource(BROKER_CLASS) != null) {
            return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                    .map(Paths::get)
                    .toList();
        }
        String why = built.isEmpty()
                ? "the resource " + RESOURCE + " is missing"
                : missing.size() + " of the " + built.size() + " jars listed in " + RESOURCE
                        + " are missing on this machine (first: " + missing.get(0) + ")";
        throw new ServerException("cannot find the Kafka broker's jars: " + why
                + ", and org.apache.kafka:kafka_2.13 is not on the class path either."
                + " Rebuild sluice-servers on this machine (./mvnw -pl servers -am install)"
                + " or add kafka_2.13 to the class path.");
    }

    private static List<Path> fromResource() {
        try (InputStream in = KafkaClasspath.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.isEmpty()
                    ? List.of()
                    : Arrays.stream(text.split(java.io.File.pathSeparator)).map(Paths::get).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
