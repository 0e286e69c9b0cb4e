package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.session.WriteResult;

/** How one event was handled; the response (status and body) is derived from it in one place. */
public sealed interface WebhookOutcome {

    /** The message type, when the body got far enough to have one. */
    String type();

    /** The {@code result} or {@code error} word of the response body. */
    String result();

    /** A session event that reached the repository. */
    record Recorded(String type, String sessionId, WriteResult write) implements WebhookOutcome {

        @Override
        public String result() {
            return write.wireName();
        }
    }

    /** A message type this function does not record; acknowledged so that Vapi counts no failure. */
    record Ignored(String type) implements WebhookOutcome {

        @Override
        public String result() {
            return "ignored";
        }
    }

    /** Refused, with a detail safe to show the caller (or {@code null} where none helps). */
    record Rejected(WebhookError error, String detail) implements WebhookOutcome {

        @Override
        public String type() {
            return null;
        }

        @Override
        public String result() {
            return error.code();
        }
    }
}
