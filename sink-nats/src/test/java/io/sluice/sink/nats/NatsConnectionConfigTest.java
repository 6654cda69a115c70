package io.sluice.sink.nats;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection settings shared by sink and nats-kv store: TLS choices, and what is masked. */
class NatsConnectionConfigTest {

    private static NatsConnectionConfig parse(String hocon) {
        return NatsConnectionConfig.from(ConfigFactory.parseString(hocon)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats")), "sluice.sink.nats");
    }

    @Test
    void anyTlsFileTurnsTlsOnAndNoneLeavesItOff() {
        assertFalse(parse("").tls().on());
        assertTrue(parse("tls.enabled = true").tls().on());
        assertTrue(parse("tls.ca-file = ca.pem").tls().on());
        assertTrue(parse("tls { cert-file = c.pem, key-file = k.pem }").tls().on());
        assertTrue(parse("tls.key-store = client.p12").tls().on());
        assertNull(TlsContext.of(parse("tls.enabled = true")), "no files: the JVM's default context");
    }

    @Test
    void conflictingOrHalfTlsSettingsNameTheKeys() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> parse("tls { ca-file = ca.pem, trust-store = t.p12 }"));
        assertEquals("sluice.sink.nats.tls: set ca-file (PEM) or trust-store, not both", both.getMessage());
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> parse("tls.cert-file = c.pem"));
        assertTrue(half.getMessage().startsWith("sluice.sink.nats.tls: cert-file and key-file go together"),
                half.getMessage());
        IllegalArgumentException twoKeys = assertThrows(IllegalArgumentException.class,
                () -> parse("tls { cert-file = c.pem, key-file = k.pem, key-store = k.p12 }"));
        assertTrue(twoKeys.getMessage().contains("or key-store, not both"), twoKeys.getMessage());
    }

    @Test
    void aMissingTlsFileIsNamedWithItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsContext.of(parse("tls.ca-file = /nonexistent/ca.pem")));
        assertEquals("sluice.sink.nats.tls.ca-file /nonexistent/ca.pem does not exist or cannot be read",
                e.getMessage());
    }

    @Test
    void secretsAreMaskedInTextAndUrls() {
        NatsConnectionConfig config = parse("servers = [\"nats://bob:pw-in-url@nats-1:4222\", \"tls://tok-in-url@nats-2:4222\","
                + " \"nats-3:4222\"]\ntoken = t0ken\ntls { key-store = k.p12, key-store-password = ks-pass,"
                + " trust-store = t.p12, trust-store-password = ts-pass }");
        assertEquals(List.of("nats://****@nats-1:4222", "tls://****@nats-2:4222", "nats-3:4222"),
                Redaction.servers(config.servers()));
        String text = config.toString() + " " + Redaction.text("bob:pw-in-url tok-in-url t0ken ks-pass ts-pass", config);
        for (String secret : List.of("pw-in-url", "tok-in-url", "t0ken", "ks-pass", "ts-pass")) {
            assertFalse(text.contains(secret), text);
        }
        assertNull(Redaction.server(null));
    }
}
