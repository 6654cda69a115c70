package io.sluice.connector.operations;

/**
 * One part of readiness.
 *
 * @param name   what is checked, such as {@code database}
 * @param ok     whether it passes
 * @param detail what was seen, and when it fails, what to look at
 */
public record HealthCheck(String name, boolean ok, String detail) {

    public static HealthCheck pass(String name, String detail) {
        return new HealthCheck(name, true, detail);
    }

    public static HealthCheck fail(String name, String detail) {
        return new HealthCheck(name, false, detail);
    }
}
