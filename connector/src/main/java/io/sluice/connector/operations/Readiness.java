package io.sluice.connector.operations;

import java.util.List;

/**
 * Whether the daemon does its job right now: ready when every check passes.
 *
 * @param checks every check, in a stable order
 */
public record Readiness(List<HealthCheck> checks) {

    public boolean ready() {
        return checks.stream().allMatch(HealthCheck::ok);
    }

    /** Not ready for one reason, such as still starting. */
    public static Readiness notYet(String name, String detail) {
        return new Readiness(List.of(HealthCheck.fail(name, detail)));
    }
}
