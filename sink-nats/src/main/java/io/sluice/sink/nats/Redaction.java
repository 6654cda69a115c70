package io.sluice.sink.nats;

import java.util.List;

/**
 * Hides the secrets a NATS setting may carry before it reaches a log line or an error message:
 * server URLs may hold a user and password or a token ({@code nats://user:secret@host:4222}), and a
 * client library's message may quote them.
 */
final class Redaction {

    static final String MASK = "****";

    private Redaction() {
    }

    /** {@code url} with anything before an {@code @} after the scheme replaced by {@value #MASK}; null stays null. */
    static String server(String url) {
        if (url == null) {
            return null;
        }
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int at = url.lastIndexOf('@');
        return at < start ? url : url.substring(0, start) + MASK + url.substring(at);
    }

    static List<String> servers(List<String> urls) {
        return urls.stream().map(Redaction::server).toList();
    }

    /** {@code text} with every secret of {@code config}, and the credentials of its server URLs, masked. */
    static String text(String text, NatsConnectionConfig config) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String url : config.servers()) {
            int start = url.indexOf("://");
            start = start < 0 ? 0 : start + 3;
            int at = url.lastIndexOf('@');
            if (at > start) {
                result = result.replace(url.substring(start, at), MASK);
            }
        }
        for (String secret : new String[] {config.token(), config.password(), config.tls().keyStorePassword(),
                config.tls().trustStorePassword()}) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
