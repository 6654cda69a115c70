package io.sluice.connector.check;

import java.util.Collection;
import java.util.Objects;

/**
 * One result of a pre-flight check.
 *
 * @param severity how bad it is
 * @param what     what was found, for example {@code binlog_format is STATEMENT}; never a secret
 * @param fix      what to do about it; empty for {@link Severity#OK}
 */
public record Finding(Severity severity, String what, String fix) {

    /** How bad a finding is. */
    public enum Severity {
        /** As Sluice needs it. */
        OK,
        /** Sluice works, but something costs correctness margins or operability; the fix says which. */
        WARN,
        /** Sluice cannot work like this. */
        FAIL
    }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(what, "what");
        fix = fix == null ? "" : fix;
    }

    public static Finding ok(String what) {
        return new Finding(Severity.OK, what, "");
    }

    public static Finding warn(String what, String fix) {
        return new Finding(Severity.WARN, what, fix);
    }

    public static Finding fail(String what, String fix) {
        return new Finding(Severity.FAIL, what, fix);
    }

    /** {@code true} when no finding is a {@link Severity#FAIL}. */
    public static boolean passed(Collection<Finding> findings) {
        return findings.stream().noneMatch(f -> f.severity == Severity.FAIL);
    }
}
