package io.sluice.sink.nats;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Turns a failed first connection into a sentence: what went wrong, at which servers, and what to set. */
final class ConnectFailure {

    private ConnectFailure() {
    }

    static String explain(NatsConnectionConfig config, Exception failure, NatsErrorLog errors) {
        String where = "NATS at " + Redaction.servers(config.servers()) + " (" + config.path() + ".servers)";
        String serverError = errors.lastServerError();
        Throwable cause = deepest(failure, errors.lastException());
        String detail = Redaction.text(serverError != null ? serverError
                : cause != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : failure.getMessage(),
                config);
        String lower = (serverError == null ? "" : serverError).toLowerCase(Locale.ROOT) + " "
                + (cause == null ? "" : String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT));

        if (lower.contains("authorization") || lower.contains("authentication") || lower.contains("user authentication")) {
            return where + " refused the connection's credentials (" + detail + "): " + credentialsFix(config);
        }
        if (lower.contains("tls required") || lower.contains("ssl required") || lower.contains("secure connection")) {
            return where + " requires TLS (" + detail + "): set " + config.path() + ".tls.enabled = true or use"
                    + " tls:// URLs, with " + config.path() + ".tls.ca-file naming the CA that signed the server's"
                    + " certificate";
        }
        if (inChain(failure, SSLException.class) || inChain(errors.lastException(), SSLException.class)
                || lower.contains("certificate") || lower.contains("certification path")) {
            return where + ": the TLS handshake failed (" + detail + "). " + tlsFix(config, lower);
        }
        if (config.tls().on() && cause instanceof TimeoutException) {
            return where + " did not complete the connection within connect-timeout = " + config.connectTimeout()
                    + " after the TLS handshake (" + detail + "). " + silentTlsRefusalFix(config);
        }
        if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                || cause instanceof UnknownHostException || lower.contains("unable to connect")
                || lower.contains("connection refused") || lower.contains("timed out")) {
            return "cannot reach " + where + " within connect-timeout = " + config.connectTimeout() + " (" + detail
                    + "): check the host names and ports in " + config.path() + ".servers, that nats-server runs"
                    + " there, and that no firewall is in the way";
        }
        return "cannot connect to " + where + ": " + detail + "; check " + config.path() + ".servers, the"
                + " credentials and the TLS settings";
    }

    private static String credentialsFix(NatsConnectionConfig config) {
        String path = config.path();
        if (config.servers().stream().anyMatch(url -> !Redaction.server(url).equals(url))) {
            return "check the user and password or token written into the URLs of " + path + ".servers (or set "
                    + path + ".token or user and password instead)";
        }
        if (config.token() != null) {
            return "check " + path + ".token against the server's authorization { token = ... }";
        }
        if (config.user() != null) {
            return "check " + path + ".user and " + path + ".password against the server's users";
        }
        if (config.credentialsFile() != null) {
            return "check that " + path + ".credentials-file " + config.credentialsFile() + " belongs to a user of"
                    + " the server's operator and account";
        }
        if (config.nkeySeedFile() != null) {
            return "check that the seed in " + path + ".nkey-seed-file " + config.nkeySeedFile() + " belongs to an"
                    + " nkey user of the server";
        }
        return "no credentials are configured, and the server requires them: set one of " + path + ".token, "
                + path + ".user and password, " + path + ".credentials-file or " + path + ".nkey-seed-file";
    }

    private static String tlsFix(NatsConnectionConfig config, String lower) {
        String tls = config.path() + ".tls";
        boolean clientCertificate = config.tls().certFile() != null || config.tls().keyStore() != null;
        if (lower.contains("pkix") || lower.contains("unable to find valid certification path")) {
            return "The server's certificate is not signed by a CA this client trusts: set " + tls + ".ca-file (PEM)"
                    + " or " + tls + ".trust-store to the CA that signed it";
        }
        if (lower.contains("subject alternative name") || lower.contains("no name matching")) {
            return "The server's certificate does not name the host in " + config.path() + ".servers: connect by a"
                    + " name or IP address the certificate lists, or reissue it with that name";
        }
        if (!clientCertificate) {
            return "The server most likely requires a client certificate (mutual TLS, nats-server --tlsverify):"
                    + " set " + tls + ".cert-file and " + tls + ".key-file (PEM) or " + tls + ".key-store to a"
                    + " certificate signed by a CA the server trusts";
        }
        return "Check that the client certificate in " + tls + " is signed by a CA the server trusts (its"
                + " ca_file), and that " + tls + ".ca-file or trust-store holds the CA of the server's certificate";
    }

    /**
     * With TLS 1.3 the client's side of the handshake ends before the server has checked the client
     * certificate, so a server that refuses it (or gets none) just closes, and the client sees only a
     * time-out. Hence the two likely causes, the certificate first.
     */
    private static String silentTlsRefusalFix(NatsConnectionConfig config) {
        String tls = config.path() + ".tls";
        String certificate = config.tls().certFile() != null || config.tls().keyStore() != null
                ? "The server most likely refused the client certificate: check that the one in " + tls
                        + ".cert-file or key-store is signed by a CA the server trusts (its ca_file) and is still valid"
                : "The server most likely requires a client certificate (mutual TLS, nats-server --tlsverify) and"
                        + " got none: set " + tls + ".cert-file and " + tls + ".key-file (PEM) or " + tls
                        + ".key-store to a certificate signed by a CA the server trusts";
        return certificate + ". Otherwise the server is too slow to answer: raise " + config.path()
                + ".connect-timeout";
    }

    private static boolean inChain(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause of {@code failure}, or else of what the error listener saw. */
    private static Throwable deepest(Exception failure, Exception reported) {
        Throwable cause = failure.getCause() != null ? failure : reported;
        if (cause == null) {
            return null;
        }
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
