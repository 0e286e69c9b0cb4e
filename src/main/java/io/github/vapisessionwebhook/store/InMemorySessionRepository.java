package io.github.vapisessionwebhook.store;

import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.WriteResult;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A store that lives as long as the process: for local runs and tests, not for a deployment
 * (each Lambda instance would hold its own). {@link ConcurrentMap#compute} makes each write one
 * atomic check-and-set, as DynamoDB's conditional write does.
 */
public class InMemorySessionRepository implements SessionRepository {

    private final ConcurrentMap<String, SessionRecord> records = new ConcurrentHashMap<>();

    @Override
    public WriteResult save(SessionRecord incoming) {
        WriteResult[] result = new WriteResult[1];
        records.compute(incoming.sessionId(), (id, stored) -> {
            if (!incoming.supersedes(stored)) {
                result[0] = WriteResult.UNCHANGED;
                return stored;
            }
            result[0] = stored == null ? WriteResult.CREATED : WriteResult.UPDATED;
            return incoming;
        });
        return result[0];
    }

    @Override
    public Optional<SessionRecord> findById(String sessionId) {
        return Optional.ofNullable(records.get(sessionId));
    }
}
