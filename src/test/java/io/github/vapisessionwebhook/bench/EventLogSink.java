package io.github.vapisessionwebhook.bench;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Keeps the per-event log line's cost (it is formatted, as on Lambda) without printing it a
 * million times into the benchmark's output.
 */
final class EventLogSink extends Handler {

    private static final Logger EVENT_LOG = Logger.getLogger("io.github.vapisessionwebhook.event");
    private final SimpleFormatter formatter = new SimpleFormatter();
    private long characters;

    private EventLogSink() {
    }

    static void install() {
        EVENT_LOG.setUseParentHandlers(false);
        EVENT_LOG.setLevel(Level.INFO);
        EVENT_LOG.addHandler(new EventLogSink());
    }

    @Override
    public void publish(LogRecord record) {
        characters += formatter.format(record).length();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
