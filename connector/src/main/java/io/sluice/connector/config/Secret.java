package io.sluice.connector.config;

/** A password or token: its text is only reachable through {@link #reveal()}, never through toString. */
public record Secret(String value) {

    public static final Secret EMPTY = new Secret("");

    /** The secret text, for handing to a client library. Never log the result. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "(empty)" : "****";
    }
}
