package io.github.vapisessionwebhook.deployed;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** One line of output per check: passed, skipped (with why), a warning, or failed (with what). */
final class CheckLines implements TestWatcher {

    /** A check that aborts with this prefix passed with a warning rather than being skipped. */
    static final String WARNING = "warning: ";

    @Override
    public void testSuccessful(ExtensionContext context) {
        print("ok  ", context, "");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        String why = cause.getMessage() == null ? "" : cause.getMessage().replaceFirst("^Assumption failed: ", "");
        print(why.startsWith(WARNING) ? "WARN" : "skip", context, ": " + why.replaceFirst("^" + WARNING, ""));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        print("FAIL", context, ": " + cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        print("skip", context, ": " + reason.orElse(""));
    }

    private static void print(String outcome, ExtensionContext context, String detail) {
        System.out.println("[deployment check] " + outcome + " " + context.getDisplayName() + detail);
    }
}
