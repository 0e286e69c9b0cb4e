package io.github.vapisessionwebhook.session;

import java.util.Locale;

/** What a repository did with one session write. */
public enum WriteResult {
    /** No record existed for the session; one was written. */
    CREATED,
    /** The stored record was replaced by a newer version. */
    UPDATED,
    /** The write was stale, a redelivery, or arrived after the session's delete: nothing changed. */
    UNCHANGED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
