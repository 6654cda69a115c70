package io.sluice.connector.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Routes {@code java.util.logging}, which the binlog client logs through, into SLF4J, so that every
 * line on standard error has one format and logback.xml alone decides what is shown. logback's
 * {@code LevelChangePropagator} pushes its levels back into JUL, so suppressed records are never built.
 */
final class JulToSlf4j extends Handler {

    /** Only its {@code formatMessage}: fills in {@code {0}} parameters the way JUL would. */
    private static final Formatter MESSAGE = new SimpleFormatter();

    private JulToSlf4j() {
    }

    /** Replaces JUL's console handler; call once, before anything logs. */
    static void install() {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new JulToSlf4j());
    }

    @Override
    public void publish(LogRecord record) {
        Logger logger = LoggerFactory.getLogger(record.getLoggerName() == null ? "jul" : record.getLoggerName());
        int level = record.getLevel().intValue();
        String message = MESSAGE.formatMessage(record);
        Throwable thrown = record.getThrown();
        if (level >= Level.SEVERE.intValue()) {
            logger.error(message, thrown);
        } else if (level >= Level.WARNING.intValue()) {
            logger.warn(message, thrown);
        } else if (level >= Level.INFO.intValue()) {
            logger.info(message, thrown);
        } else if (level >= Level.FINE.intValue()) {
            logger.debug(message, thrown);
        } else {
            logger.trace(message, thrown);
        }
    }

    @Override
    public void flush() {
        // SLF4J appenders flush themselves.
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
