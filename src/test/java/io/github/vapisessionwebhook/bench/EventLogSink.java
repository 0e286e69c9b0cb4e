package io.github.vapisessionwebhook.bench;

import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.jboss.logmanager.handlers.OutputStreamHandler;

/**
 * Keeps the per-event log line's full cost as deployed (JSON-formatted by the log manager's
 * formatter, as {@code JsonLogFormat} installs it, and encoded onto a stream) without printing it
 * a million times into the benchmark's output.
 */
final class EventLogSink {

    private static final Logger EVENT_LOG = Logger.getLogger("io.github.vapisessionwebhook.event");

    private EventLogSink() {
    }

    static void install() {
        JsonFormatter formatter = new JsonFormatter();
        formatter.setPrintDetails(false);
        EVENT_LOG.setUseParentHandlers(false);
        EVENT_LOG.setLevel(Level.INFO);
        EVENT_LOG.addHandler(new OutputStreamHandler(OutputStream.nullOutputStream(), formatter));
    }
}
