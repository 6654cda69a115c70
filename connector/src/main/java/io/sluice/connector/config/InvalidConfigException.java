package io.sluice.connector.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, not only the first, so that one
 * edit-and-retry round fixes them all. Messages never contain a secret's value.
 */
public final class InvalidConfigException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid configuration has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order of the configuration tree. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder();
        text.append(problems.size() == 1 ? "1 problem" : problems.size() + " problems").append(" in the configuration:");
        for (ConfigProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
