package io.sluice.sink.nats;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link SSLContext} of a NATS connection from {@link NatsConnectionConfig.Tls}: PEM files,
 * as nats-server and the nats CLI take them ({@code ca_file}, {@code cert_file}, {@code key_file}), or
 * Java key stores. jnats reads only key stores, so PEM files are loaded here.
 */
final class TlsContext {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** Private key types tried on a PKCS#8 key, which names its algorithm only as an object identifier. */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private TlsContext() {
    }

    /**
     * The context for {@code config}, or {@code null} when the JVM's defaults do (no file set).
     *
     * @throws IllegalArgumentException naming the key and the fix when a file cannot be used
     */
    static SSLContext of(NatsConnectionConfig config) {
        NatsConnectionConfig.Tls tls = config.tls();
        if (tls.caFile() == null && tls.trustStore() == null && tls.certFile() == null && tls.keyStore() == null) {
            return null;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(config), trustManagers(config), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(config.path() + ".tls: the JVM cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(NatsConnectionConfig config) throws GeneralSecurityException {
        NatsConnectionConfig.Tls tls = config.tls();
        KeyStore store;
        if (tls.caFile() != null) {
            List<Certificate> cas = certificates(config, tls.caFile(), "tls.ca-file");
            store = emptyStore();
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
        } else if (tls.trustStore() != null) {
            store = load(config, tls.trustStore(), "tls.trust-store", tls.trustStoreType(), tls.trustStorePassword());
        } else {
            return null; // the JVM's default trust store
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(NatsConnectionConfig config) throws GeneralSecurityException {
        NatsConnectionConfig.Tls tls = config.tls();
        KeyStore store;
        char[] password;
        if (tls.certFile() != null) {
            List<Certificate> chain = certificates(config, tls.certFile(), "tls.cert-file");
            PrivateKey key = privateKey(config, tls.keyFile());
            password = new char[0];
            store = emptyStore();
            store.setKeyEntry("client", key, password, chain.toArray(Certificate[]::new));
        } else if (tls.keyStore() != null) {
            password = tls.keyStorePassword().toCharArray();
            store = load(config, tls.keyStore(), "tls.key-store", tls.keyStoreType(), tls.keyStorePassword());
            if (!hasKey(store)) {
                throw new IllegalArgumentException(config.path() + ".tls.key-store " + tls.keyStore() + " holds no"
                        + " private key entry; import the client certificate with its key (for example openssl"
                        + " pkcs12 -export -in client.pem -inkey client-key.pem -out client.p12)");
            }
        } else {
            return null; // no client certificate
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        try {
            factory.init(store, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(config.path() + ".tls.key-store " + tls.keyStore() + ": the private"
                    + " key cannot be read with key-store-password (" + e.getMessage() + ")", e);
        }
        return factory.getKeyManagers();
    }

    private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    private static KeyStore load(NatsConnectionConfig config, Path file, String key, String type, String password) {
        readable(config, file, key);
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(config.path() + "." + key + " " + file + " cannot be read as " + type
                    + " (check " + key + "-type and " + key + "-password): " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(NatsConnectionConfig config, Path file, String key) {
        readable(config, file, key);
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> certificates = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(config.path() + "." + key + " " + file + " holds no certificate;"
                        + " it should hold PEM blocks starting with -----BEGIN CERTIFICATE-----");
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(config.path() + "." + key + " " + file + " cannot be read as PEM"
                    + " certificates (-----BEGIN CERTIFICATE-----): " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(NatsConnectionConfig config, Path file) {
        String where = config.path() + ".tls.key-file " + file;
        readable(config, file, "tls.key-file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " cannot be read: " + e.getMessage(), e);
        }
        Matcher pem = PEM.matcher(text);
        while (pem.find()) {
            String type = pem.group(1);
            if (type.equals("PRIVATE KEY")) {
                byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
                for (String algorithm : KEY_ALGORITHMS) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    } catch (GeneralSecurityException e) {
                        // not this algorithm: try the next
                    }
                }
                throw new IllegalArgumentException(where + " holds a private key of a type this JVM cannot read;"
                        + " use an RSA, EC or Ed25519 key");
            }
            if (type.endsWith("PRIVATE KEY")) {
                throw new IllegalArgumentException(where + " holds a \"" + type + "\"; Sluice reads unencrypted"
                        + " PKCS#8 keys (-----BEGIN PRIVATE KEY-----). Convert it with: openssl pkcs8 -topk8"
                        + " -nocrypt -in " + file + " -out client-key.pk8.pem");
            }
        }
        throw new IllegalArgumentException(where + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    private static void readable(NatsConnectionConfig config, Path file, String key) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(config.path() + "." + key + " " + file
                    + " does not exist or cannot be read");
        }
    }
}
