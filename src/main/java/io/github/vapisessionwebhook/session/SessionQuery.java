package io.github.vapisessionwebhook.session;

import java.time.Instant;
import java.util.Objects;

/**
 * Sessions whose {@code index} key equals {@code key}, created in {@code [from, to]}, newest first,
 * at most {@code limit}, continuing after {@code cursor} (from a previous {@link SessionPage}, or
 * {@code null} for the first page).
 */
public record SessionQuery(SessionIndex index, String key, Instant from, Instant to, int limit, String cursor) {

    public static final int MAX_LIMIT = 100;

    public SessionQuery {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
