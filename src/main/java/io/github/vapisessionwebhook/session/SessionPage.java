package io.github.vapisessionwebhook.session;

import java.util.List;

/** One page of a {@link SessionQuery}; {@code nextCursor} is {@code null} on the last page. */
public record SessionPage(List<SessionRecord> records, String nextCursor) {

    public SessionPage {
        records = List.copyOf(records);
    }
}
