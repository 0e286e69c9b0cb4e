package io.github.vapisessionwebhook.session;

import io.github.vapisessionwebhook.vapi.SessionMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Maps a session event to its record and hands it to the repository. */
@ApplicationScoped
public class SessionRecorder {

    private final SessionRepository repository;
    private final Clock clock;

    public SessionRecorder(SessionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** @throws StorageUnavailableException when the store fails */
    public WriteResult record(SessionEventType type, SessionMessage message) {
        return repository.save(SessionRecordMapper.toRecord(type, message, clock.instant()));
    }
}
