package io.sluice.servers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A throwaway NATS server with JetStream, from Debian's {@code nats-server} package
 * ({@code /usr/sbin/nats-server}, which must be installed; {@code .ci/run} installs it).
 *
 * <pre>{@code
 * try (NatsServer nats = NatsServer.builder().start();
 *      Connection connection = Nats.connect(nats.url())) {
 *     connection.jetStream().publish("orders.created", payload);
 * }
 * }</pre>
 *
 * <p>JetStream keeps its streams and key-value buckets under {@link #dataDir()}, so {@link #stop()}
 * then {@link #start()} keeps them, for outage tests. See {@link ThrowawayServer} for the lifecycle
 * and threading.
 */
public final class NatsServer extends LocalServer {

    private static final Path BINARY = Paths.get("/usr/sbin/nats-server");
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final List<String> command;
    private final Duration startTimeout;

    private NatsServer(Builder builder, Path dataDir) {
        super(dataDir);
        this.startTimeout = builder.startTimeout;
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "--addr", host(), "--port", Integer.toString(port),
                "--jetstream", "--store_dir", dataDir.resolve("jetstream").toString()));
        command.addAll(builder.options);
        this.command = List.copyOf(command);
        manage(STOP_GRACE);
    }

    /** A builder for a JetStream-enabled server. */
    public static Builder builder() {
        return new Builder();
    }

    /** The URL to pass to {@code Nats.connect}: {@code nats://127.0.0.1:port}. */
    public String url() {
        return "nats://" + host() + ":" + port;
    }

    @Override
    public String toString() {
        return "nats-server on " + url() + " with data in " + dataDir;
    }

    @Override
    ServerProcess launch() {
        long started = System.nanoTime();
        ServerProcess process = ServerProcess.start(toString(), command, Map.of(), logFile());
        process.awaitReady(startTimeout, this::greets);
        System.getLogger(NatsServer.class.getName()).log(System.Logger.Level.INFO,
                "started " + this + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return process;
    }

    /** Whether the server sends its {@code INFO} greeting, the first thing a NATS client waits for. */
    private boolean greets() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port), 1000);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] greeting = in.readNBytes(4);
            return "INFO".equals(new String(greeting, StandardCharsets.US_ASCII));
        }
    }

    /** Settings for a new {@link NatsServer}. Not thread-safe; {@link #start()} may be called more than once. */
    public static final class Builder {

        private final List<String> options = new ArrayList<>();
        private Duration startTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Adds a {@code nats-server} command-line argument after the defaults, e.g. {@code "--max_payload=2MB"}. */
        public Builder option(String option) {
            options.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /** How long each start may take before it is killed and reported; 30 s by default. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Creates the server in a new temporary directory, starts it and waits until it greets clients.
         *
         * @throws ServerException if {@code nats-server} is missing or does not come up; the message ends
         *                         with the last lines of its log
         */
        public NatsServer start() {
            if (!Files.isExecutable(BINARY)) {
                throw new ServerException(BINARY + " is missing: install Debian's nats-server package with"
                        + " 'apt-get install -y nats-server' (.ci/run does).");
            }
            NatsServer server = new NatsServer(this, FileTrees.newServerDirectory("nats"));
            server.start();
            return server;
        }
    }
}
