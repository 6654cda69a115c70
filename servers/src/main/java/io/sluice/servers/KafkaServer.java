package io.sluice.servers;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A throwaway single-node Kafka cluster: one KRaft process that is both broker and controller, in a
 * child JVM (so its heap and ~100 threads stay out of the test JVM, and it can be stopped or killed
 * like any other server). Its jars ({@code org.apache.kafka:kafka_2.13}) come from Maven Central
 * through this module's build, which lists them for the child JVM; they are not on the class path of
 * modules using this one.
 *
 * <pre>{@code
 * try (KafkaServer kafka = KafkaServer.builder().start()) {
 *     props.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>Settings suit one broker: every internal topic has replication factor 1 and min ISR 1, and one
 * partition so that the first consumer group or transaction does not wait for fifty to be created;
 * topics are auto-created; consumer groups rebalance without the initial delay; the broker session
 * lasts 4 s, so a broker restarted after {@link #kill()} is accepted within seconds. Add or override any
 * broker property with {@link Builder#property}. The first start formats the storage (about a second
 * more); {@link #stop()} then {@link #start()} keeps topics, offsets and the cluster id, for broker
 * outage tests. {@link #port()} is the broker (PLAINTEXT) port; the controller listens on a second,
 * internal one. See {@link ThrowawayServer} for the lifecycle and threading.
 */
public final class KafkaServer extends LocalServer {

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);
    /** What the broker logs once it is unfenced and serving; nothing earlier means it can take requests. */
    private static final String READY_LINE = "Kafka Server started";
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m",
            // One GC thread instead of a pool sized for the machine: CI has two cores to share.
            "-XX:+UseSerialGC",
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
            // Every client and server config is dumped at INFO: two thousand lines that bury the real ones.
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config.AbstractConfig=warn");

    private final Duration startTimeout;
    private final List<String> jvmOptions;

    private KafkaServer(Builder builder, Path dataDir) {
        super(dataDir);
        this.startTimeout = builder.startTimeout;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        manage(STOP_GRACE);
        writeProperties(builder.properties, Ports.free());
    }

    /** A builder for a broker with the defaults described above. */
    public static Builder builder() {
        return new Builder();
    }

    /** The value for a client's {@code bootstrap.servers}: {@code 127.0.0.1:port}. */
    public String bootstrapServers() {
        return host() + ":" + port;
    }

    @Override
    public String toString() {
        return "Kafka broker on " + bootstrapServers() + " with data in " + dataDir;
    }

    private Path propertiesFile() {
        return dataDir.resolve("server.properties");
    }

    private Path storageDir() {
        return dataDir.resolve("kraft");
    }

    private void writeProperties(Map<String, String> overrides, int controllerPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@" + host() + ":" + controllerPort);
        settings.put("listeners", "PLAINTEXT://" + host() + ":" + port + ",CONTROLLER://" + host() + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", storageDir().toString());
        settings.put("num.partitions", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("auto.create.topics.enable", "true");
        // After kill -9 the controller refuses the restarted broker until the old session expires
        // (9 s by default); a shorter one makes crash tests quicker, with room left for GC pauses.
        settings.put("broker.heartbeat.interval.ms", "1000");
        settings.put("broker.session.timeout.ms", "4000");
        settings.putAll(overrides);
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer out = Files.newBufferedWriter(propertiesFile(), StandardCharsets.UTF_8)) {
            properties.store(out, "written by io.sluice.servers.KafkaServer");
        } catch (IOException e) {
            throw new ServerException("cannot write " + propertiesFile() + ": " + e, e);
        }
    }

    @Override
    ServerProcess launch() {
        long started = System.nanoTime();
        Path argFile = javaArgFile();
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        if (!Files.exists(storageDir().resolve("meta.properties"))) {
            // KRaft refuses unformatted storage; the cluster id is new for each server and kept across restarts.
            ServerProcess.run("Kafka storage format for " + this,
                    List.of(java.toString(), "@" + argFile, "kafka.tools.StorageTool", "format",
                            "--cluster-id", newClusterId(), "--config", propertiesFile().toString()),
                    Map.of(), logFile(), FORMAT_TIMEOUT);
        }
        ServerProcess process = ServerProcess.start(toString(),
                List.of(java.toString(), "@" + argFile, "kafka.Kafka", propertiesFile().toString()),
                Map.of(), logFile());
        process.awaitReady(startTimeout, () -> process.logSinceStart().contains(READY_LINE) && Ports.accepts(port));
        System.getLogger(KafkaServer.class.getName()).log(System.Logger.Level.INFO,
                "started " + this + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return process;
    }

    /** JVM options and the class path, in a file the {@code java} launcher reads, as the list is long. */
    private Path javaArgFile() {
        Path file = dataDir.resolve("java.args");
        List<String> lines = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        lines.addAll(jvmOptions);
        lines.add("-cp");
        lines.add(KafkaClasspath.resolve().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        try {
            Files.write(file, lines.stream().map(KafkaServer::quote).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServerException("cannot write " + file + ": " + e, e);
        }
        return file;
    }

    /** Quotes an argument-file entry: the launcher splits unquoted ones on spaces. */
    private static String quote(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A Kafka cluster id: 16 random bytes in URL-safe base64, never starting with '-' (the CLI would read an option). */
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    /** Settings for a new {@link KafkaServer}. Not thread-safe; {@link #start()} may be called more than once. */
    public static final class Builder {

        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Sets a broker property, e.g. {@code property("transaction.max.timeout.ms", "60000")}. */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds an option for the broker's JVM, after the defaults ({@code -Xmx512m}, serial GC), e.g. {@code "-Xmx1g"}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /** How long each start may take before it is killed and reported; 60 s by default. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Creates the broker in a new temporary directory, starts it and waits until it serves requests.
         *
         * @throws ServerException if it does not come up; the message ends with the last lines of its log
         */
        public KafkaServer start() {
            KafkaServer server = new KafkaServer(this, FileTrees.newServerDirectory("kafka"));
            server.start();
            return server;
        }
    }
}
