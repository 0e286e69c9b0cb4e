package io.github.vapisessionwebhook.support;

import io.github.vapisessionwebhook.session.SessionPage;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.StorageUnavailableException;
import io.github.vapisessionwebhook.session.WriteResult;
import java.util.Optional;
import java.util.function.Function;

/** A store whose every call fails with what {@code failure} makes of the call's subject (a record, an id, a query). */
public record FailingStore(Function<Object, RuntimeException> failure) implements SessionRepository {

    /** A store that cannot be reached: what the real stores throw after the SDK's retries. */
    public static FailingStore down() {
        return new FailingStore(subject -> new StorageUnavailableException("store down for " + subject, null));
    }

    @Override
    public WriteResult save(SessionRecord record) {
        throw failure.apply(record);
    }

    @Override
    public Optional<SessionRecord> findById(String sessionId) {
        throw failure.apply(sessionId);
    }

    @Override
    public SessionPage query(SessionQuery query) {
        throw failure.apply(query);
    }
}
