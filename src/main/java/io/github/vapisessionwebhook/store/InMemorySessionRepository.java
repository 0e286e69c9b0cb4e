package io.github.vapisessionwebhook.store;

import io.github.vapisessionwebhook.session.PageCursor;
import io.github.vapisessionwebhook.session.SessionPage;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.WriteResult;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A store that lives as long as the process: for local runs and tests, not for a deployment
 * (each Lambda instance would hold its own). {@link ConcurrentMap#compute} makes each write one
 * atomic check-and-set, as DynamoDB's conditional write does.
 */
public class InMemorySessionRepository implements SessionRepository {

    /** Newest first; the session id breaks ties so that pages never overlap. */
    private static final Comparator<SessionRecord> NEWEST_FIRST = Comparator
            .comparing(SessionRecord::createdAt)
            .thenComparing(SessionRecord::sessionId)
            .reversed();

    private final ConcurrentMap<String, SessionRecord> records = new ConcurrentHashMap<>();

    @Override
    public WriteResult save(SessionRecord incoming) {
        WriteResult[] result = new WriteResult[1];
        records.compute(incoming.sessionId(), (id, stored) -> {
            Optional<SessionRecord> kept = incoming.applyTo(stored);
            result[0] = kept.isEmpty() ? WriteResult.UNCHANGED : stored == null ? WriteResult.CREATED : WriteResult.UPDATED;
            return kept.orElse(stored);
        });
        return result[0];
    }

    @Override
    public Optional<SessionRecord> findById(String sessionId) {
        return Optional.ofNullable(records.get(sessionId));
    }

    @Override
    public SessionPage query(SessionQuery query) {
        PageCursor after = query.cursor() == null ? null : PageCursor.decodeFor(query);
        List<SessionRecord> matching = records.values().stream()
                .filter(record -> query.key().equals(query.index().keyOf(record)))
                .filter(record -> record.createdAt() != null
                        && !record.createdAt().isBefore(query.from())
                        && !record.createdAt().isAfter(query.to()))
                .filter(record -> after == null || isAfter(record, after))
                .sorted(NEWEST_FIRST)
                .limit(query.limit() + 1L)
                .toList();
        return SessionPage.of(matching, query);
    }

    private static boolean isAfter(SessionRecord record, PageCursor cursor) {
        int byTime = record.createdAt().compareTo(cursor.createdAt());
        return byTime < 0 || (byTime == 0 && record.sessionId().compareTo(cursor.sessionId()) < 0);
    }
}
