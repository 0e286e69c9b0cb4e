package io.github.vapisessionwebhook.bench;

import io.quarkus.logging.json.runtime.JsonFormatter;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.logmanager.handlers.OutputStreamHandler;

/**
 * Keeps the per-event log line's full cost as deployed (JSON-formatted by quarkus-logging-json's
 * formatter and encoded onto a stream) without printing it a million times into the benchmark's
 * output.
 */
final class EventLogSink {

    private static final Logger EVENT_LOG = Logger.getLogger("io.github.vapisessionwebhook.event");

    private EventLogSink() {
    }

    static void install() {
        JsonFormatter formatter = new JsonFormatter();
        EVENT_LOG.setUseParentHandlers(false);
        EVENT_LOG.setLevel(Level.INFO);
        EVENT_LOG.addHandler(new OutputStreamHandler(OutputStream.nullOutputStream(), formatter));
    }
}
