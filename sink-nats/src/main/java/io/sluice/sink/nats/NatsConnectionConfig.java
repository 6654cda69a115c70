package io.sluice.sink.nats;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to reach NATS: the connection settings shared by the sink ({@code sluice.sink.nats}) and the
 * {@code nats-kv} checkpoint store ({@code sluice.checkpoint.nats-kv}). Secrets are left out of
 * {@link #toString()}.
 *
 * @param path            the HOCON path of the settings, for messages
 * @param servers         server URLs
 * @param connectionName  the name the server shows for the connection
 * @param credentialsFile a {@code .creds} file, or {@code null}
 * @param nkeySeedFile    a file holding an NKey user seed, or {@code null}
 * @param token           a token, or {@code null}
 * @param user            a user name, or {@code null}
 * @param password        that user's password, or {@code null}
 * @param tls             TLS settings
 * @param connectTimeout  how long one connection attempt may take
 * @param reconnectWait   wait between reconnection attempts
 */
record NatsConnectionConfig(
        String path,
        List<String> servers,
        String connectionName,
        Path credentialsFile,
        Path nkeySeedFile,
        String token,
        String user,
        String password,
        Tls tls,
        Duration connectTimeout,
        Duration reconnectWait) {

    /**
     * TLS to the servers. Which servers to trust: {@code caFile} (PEM) or {@code trustStore}, neither
     * meaning the JVM's default trust store. The client certificate for mutual TLS: {@code certFile}
     * with {@code keyFile} (PEM) or {@code keyStore}, neither meaning none.
     */
    record Tls(boolean enabled, Path caFile, Path trustStore, String trustStorePassword, String trustStoreType,
               Path certFile, Path keyFile, Path keyStore, String keyStorePassword, String keyStoreType) {

        /** Whether the connection uses TLS: asked for, or implied by any file. */
        boolean on() {
            return enabled || caFile != null || trustStore != null || certFile != null || keyStore != null;
        }

        static Tls from(Config tls, String path) {
            Tls result = new Tls(tls.getBoolean("enabled"),
                    file(tls, "ca-file"), file(tls, "trust-store"), tls.getString("trust-store-password"),
                    tls.getString("trust-store-type"),
                    file(tls, "cert-file"), file(tls, "key-file"), file(tls, "key-store"),
                    tls.getString("key-store-password"), tls.getString("key-store-type"));
            if (result.caFile != null && result.trustStore != null) {
                throw new IllegalArgumentException(path + ".tls: set ca-file (PEM) or trust-store, not both");
            }
            if ((result.certFile == null) != (result.keyFile == null)) {
                throw new IllegalArgumentException(path + ".tls: cert-file and key-file go together; set both"
                        + " (the client certificate and its private key, PEM) or neither");
            }
            if (result.certFile != null && result.keyStore != null) {
                throw new IllegalArgumentException(path + ".tls: set cert-file and key-file (PEM) or key-store,"
                        + " not both");
            }
            return result;
        }

        @Override
        public String toString() {
            return "Tls[on=" + on() + ", caFile=" + caFile + ", trustStore=" + trustStore
                    + ", trustStorePassword=" + hidden(trustStorePassword) + ", trustStoreType=" + trustStoreType
                    + ", certFile=" + certFile + ", keyFile=" + keyFile + ", keyStore=" + keyStore
                    + ", keyStorePassword=" + hidden(keyStorePassword) + ", keyStoreType=" + keyStoreType + "]";
        }
    }

    /**
     * Reads the connection keys of {@code config}, the subtree at {@code path} with defaults merged in.
     *
     * @throws IllegalArgumentException naming the key when a value is invalid
     * @throws com.typesafe.config.ConfigException when a key is missing or of the wrong type
     */
    static NatsConnectionConfig from(Config config, String path) {
        List<String> servers = config.getStringList("servers");
        if (servers.isEmpty()) {
            throw new IllegalArgumentException(path + ".servers is empty; name at least one server URL such as"
                    + " \"nats://localhost:4222\"");
        }
        NatsConnectionConfig result = new NatsConnectionConfig(
                path,
                List.copyOf(servers),
                config.getString("connection-name"),
                file(config, "credentials-file"),
                file(config, "nkey-seed-file"),
                optional(config, "token"),
                optional(config, "user"),
                optional(config, "password"),
                Tls.from(config.getConfig("tls"), path),
                positive(config, path, "connect-timeout"),
                positive(config, path, "reconnect-wait"));
        int methods = (result.credentialsFile != null ? 1 : 0) + (result.nkeySeedFile != null ? 1 : 0)
                + (result.token != null ? 1 : 0) + (result.user != null ? 1 : 0);
        if (methods > 1) {
            throw new IllegalArgumentException(path + ": set at most one of credentials-file, nkey-seed-file,"
                    + " token and user/password");
        }
        if ((result.user == null) != (result.password == null)) {
            throw new IllegalArgumentException(path + ": user and password go together; set both or neither");
        }
        return result;
    }

    private static String optional(Config config, String key) {
        return config.getIsNull(key) ? null : config.getString(key);
    }

    private static Path file(Config config, String key) {
        String value = optional(config, key);
        return value == null || value.isEmpty() ? null : Path.of(value);
    }

    /** A positive duration with a unit; {@code key} is relative to {@code path}. */
    static Duration positive(Config config, String path, String key) {
        if (config.getValue(key).valueType() == ConfigValueType.NUMBER) {
            throw new IllegalArgumentException(path + "." + key + " needs a unit, for example 5s or 500ms");
        }
        Duration value = config.getDuration(key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(path + "." + key + " must be positive, was " + value);
        }
        return value;
    }

    static String hidden(String secret) {
        return secret == null ? "null" : secret.isEmpty() ? "(empty)" : "****";
    }

    @Override
    public String toString() {
        return "servers=" + Redaction.servers(servers) + ", connectionName=" + connectionName
                + ", credentialsFile=" + credentialsFile + ", nkeySeedFile=" + nkeySeedFile
                + ", token=" + hidden(token) + ", user=" + user + ", password=" + hidden(password)
                + ", tls=" + tls + ", connectTimeout=" + connectTimeout + ", reconnectWait=" + reconnectWait;
    }
}
