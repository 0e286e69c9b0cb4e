package io.github.vapisessionwebhook.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record of every logger, at every level, while open: each rendered as all a log line
 * could show (message, parameters, formatted text, MDC, and each exception in the chain with its
 * stack trace).
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        synchronized (records) {
            records.add(record);
        }
    }

    public List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** Each record as text, everything included. */
    public List<String> lines() {
        return records().stream().map(LogCapture::render).toList();
    }

    private static String render(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(parameter);
            }
        }
        if (record instanceof ExtLogRecord ext) {
            text.append(' ').append(ext.getFormattedMessage()).append(' ').append(ext.getMdcCopy());
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append('\n').append(t);
            for (StackTraceElement frame : t.getStackTrace()) {
                text.append("\n\tat ").append(frame);
            }
        }
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
