package io.sluice.sink.nats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway CA with a server certificate for 127.0.0.1 and a client certificate, made at test time
 * with the JDK's own {@code keytool} (no generated key material in git, no extra library). keytool
 * cannot write a private key as PEM, so the keys are taken out of its PKCS12 files with
 * {@link KeyStore} and written as PKCS#8 PEM, the form nats-server and Sluice's {@code key-file} read.
 *
 * @param caPem          the CA certificate, PEM (nats-server {@code --tlscacert}, Sluice {@code ca-file})
 * @param trustStore     a PKCS12 trust store holding the CA (Sluice {@code trust-store})
 * @param serverPem      the server certificate for IP 127.0.0.1, PEM
 * @param serverKeyPem   its private key, PKCS#8 PEM
 * @param clientPem      the client certificate, PEM (Sluice {@code cert-file})
 * @param clientKeyPem   its private key, PKCS#8 PEM (Sluice {@code key-file})
 * @param clientKeyStore a PKCS12 key store with the client key and its chain (Sluice {@code key-store})
 * @param strangerPem    a client certificate signed by another CA, which the server must refuse
 * @param strangerKeyPem its private key
 */
record TestCertificates(Path caPem, Path trustStore, Path serverPem, Path serverKeyPem, Path clientPem,
                        Path clientKeyPem, Path clientKeyStore, Path strangerPem, Path strangerKeyPem) {

    /** The password of every store made here; test material only. */
    static final String STORE_PASSWORD = "test-store-pass";

    private static TestCertificates shared;

    /**
     * One set per test JVM: keytool starts a JVM per step, some twenty seconds on a busy machine, so
     * the test classes share the files. They live in a temporary directory removed when the JVM exits.
     */
    static synchronized TestCertificates shared() throws IOException, InterruptedException, GeneralSecurityException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("sluice-test-certificates");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.list(dir)) {
                    files.forEach(file -> file.toFile().delete());
                } catch (IOException e) {
                    // best effort: the directory is under the system's temporary folder
                }
                dir.toFile().delete();
            }, "test-certificates-cleanup"));
            shared = create(dir);
        }
        return shared;
    }

    static TestCertificates create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path ca = dir.resolve("ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Sluice Test CA", "-ext", "bc:c", "-validity", "2", "-keystore", ca);
        Path caPem = dir.resolve("ca.pem");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-file", caPem);
        Path trustStore = dir.resolve("trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem, "-keystore", trustStore);

        Leaf server = leaf(dir, "server", ca, "CN=127.0.0.1", "san=ip:127.0.0.1,dns:localhost", "serverAuth");
        Leaf client = leaf(dir, "client", ca, "CN=sluice-test-client", null, "clientAuth");
        // The key store for key-store: the CA, then the client's key with the CA-signed certificate.
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem, "-keystore", client.store);
        keytool("-importcert", "-alias", "client", "-file", client.certificate, "-keystore", client.store);

        Path otherCa = dir.resolve("other-ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Some Other CA", "-ext", "bc:c", "-validity", "2", "-keystore", otherCa);
        Leaf stranger = leaf(dir, "stranger", otherCa, "CN=stranger", null, "clientAuth");

        return new TestCertificates(caPem, trustStore, server.certificate, server.key, client.certificate,
                client.key, client.store, stranger.certificate, stranger.key);
    }

    private record Leaf(Path store, Path certificate, Path key) {
    }

    /** A key pair in {@code name}.p12, its certificate signed by the CA in {@code ca}, and the key as PEM. */
    private static Leaf leaf(Path dir, String name, Path ca, String subject, String san, String usage)
            throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", subject,
                "-validity", "2", "-keystore", store);
        Path request = dir.resolve(name + ".csr");
        keytool("-certreq", "-alias", name, "-keystore", store, "-file", request);
        Path certificate = dir.resolve(name + ".pem");
        List<Object> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", ca,
                "-infile", request, "-outfile", certificate, "-validity", "2", "-ext", "eku=" + usage));
        if (san != null) {
            sign.addAll(List.of("-ext", san));
        }
        keytool(sign.toArray());
        Path key = dir.resolve(name + "-key.pem");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        Key privateKey = keys.getKey(name, STORE_PASSWORD.toCharArray());
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        return new Leaf(store, certificate, key);
    }

    private static void keytool(Object... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + String.join(" ", command) + "\n" + output);
        }
    }
}
