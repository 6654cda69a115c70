package io.sluice.connector.config;

/**
 * One thing wrong with the configuration, phrased so the reader can fix it without the documentation.
 *
 * @param path    the HOCON path of the offending setting, for example {@code sluice.source.port}
 * @param origin  where the value was written, {@code file:line}, {@code environment variable NAME} or
 *                {@code --set path}; {@code null} when the setting is missing altogether
 * @param message what is wrong and what is expected instead; never contains a secret's value
 */
public record ConfigProblem(String path, String origin, String message) {

    /** Compiler style, so editors and terminals can jump to it: {@code my.conf:3: sluice.source.hots: ...}. */
    @Override
    public String toString() {
        return (origin == null ? "" : origin + ": ") + path + ": " + message;
    }
}
