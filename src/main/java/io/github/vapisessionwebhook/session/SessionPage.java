package io.github.vapisessionwebhook.session;

import java.util.List;

/** One page of a {@link SessionQuery}; {@code nextCursor} is {@code null} on the last page. */
public record SessionPage(List<SessionRecord> records, String nextCursor) {

    public SessionPage {
        records = List.copyOf(records);
    }

    /**
     * The page made from a store's read of up to {@code query.limit() + 1} records in order: the extra one
     * only says that another page follows, so the last page never carries a cursor.
     */
    public static SessionPage of(List<SessionRecord> upToOneMore, SessionQuery query) {
        if (upToOneMore.size() <= query.limit()) {
            return new SessionPage(upToOneMore, null);
        }
        List<SessionRecord> page = upToOneMore.subList(0, query.limit());
        return new SessionPage(page, PageCursor.after(page.get(page.size() - 1)).encodeFor(query));
    }
}
