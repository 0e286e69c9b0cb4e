package io.github.vapisessionwebhook.webhook;

/**
 * A failure made fit for the log: the type and stack trace of each exception in the chain, and the
 * message only of this project's own exceptions, which are written to name fields, never values.
 * Other messages are left out: Jackson's quote the payload, the JDK's parse errors quote the input.
 */
public final class RedactedException extends RuntimeException {

    private static final String OWN_PACKAGE = "io.github.vapisessionwebhook.";

    /** Deep enough for any real chain, and a bound for a cyclic one. */
    private static final int MAX_CAUSES = 16;

    private RedactedException(Throwable original, int depth) {
        super(describe(original), original.getCause() == null || depth >= MAX_CAUSES
                ? null : new RedactedException(original.getCause(), depth + 1), false, true);
        setStackTrace(original.getStackTrace());
    }

    public static RedactedException of(Throwable original) {
        return new RedactedException(original, 0);
    }

    private static String describe(Throwable original) {
        String type = original.getClass().getName();
        return type.startsWith(OWN_PACKAGE) && original.getMessage() != null
                ? type + ": " + original.getMessage()
                : type + " (message withheld: it may quote the request)";
    }
}
