package io.sluice.connector.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.sluice.connector.config.LogConfig;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;

/**
 * Switches the standard-error appender of logback.xml between its text pattern and JSON lines
 * (logback's own JSON encoder: one object per line with timestamp, level, thread, logger, message and
 * stack trace). Applied twice: from {@code SLUICE_LOG_FORMAT} before anything is logged, and from
 * {@code sluice.log.format} once the configuration is read. Does nothing when logging is not logback's
 * or the appender was replaced by a custom logback.xml.
 */
final class LogFormat {

    /** The appender name in logback.xml. */
    private static final String APPENDER = "STDERR";
    /** logback.xml's own text encoder, kept when JSON replaces it so text can come back. */
    private static Encoder<ILoggingEvent> text;

    private LogFormat() {
    }

    /** Applies {@code SLUICE_LOG_FORMAT} when it says json, so even start-up lines are JSON. */
    static void applyFromEnvironment(Map<String, String> environment) {
        String format = environment.get("SLUICE_LOG_FORMAT");
        if (format != null && format.trim().toLowerCase(Locale.ROOT).equals("json")) {
            apply(LogConfig.Format.JSON);
        }
    }

    static synchronized void apply(LogConfig.Format format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender(APPENDER) instanceof OutputStreamAppender<ILoggingEvent> appender)) {
            return;
        }
        boolean json = format == LogConfig.Format.JSON;
        if (appender.getEncoder() instanceof JsonEncoder == json) {
            return; // already so: keep the running encoder
        }
        Encoder<ILoggingEvent> encoder;
        if (json) {
            text = appender.getEncoder();
            encoder = jsonEncoder(context);
            encoder.start();
        } else {
            encoder = text;
        }
        appender.stop();
        appender.setEncoder(encoder);
        appender.start();
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // The formatted message alone: the template and raw arguments would double each line's size.
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        return encoder;
    }
}
