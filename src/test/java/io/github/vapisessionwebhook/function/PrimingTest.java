package io.github.vapisessionwebhook.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.vapisessionwebhook.session.SessionPage;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.WriteResult;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Priming before a SnapStart snapshot reads the store once and writes nothing. */
@QuarkusTest
class PrimingTest {

    @Inject
    Priming priming;

    @Test
    void primingReadsOnceAndStoresNothing() {
        RecordingRepository recording = new RecordingRepository();
        QuarkusMock.installMockForType(recording, SessionRepository.class);
        priming.beforeCheckpoint(null);
        assertEquals(List.of("findById " + Priming.PRIMING_SESSION_ID), recording.calls);
    }

    @Test
    void anUnreachableStoreDoesNotFailTheSnapshot() {
        QuarkusMock.installMockForType(new ResponseContractTest.FailingRepository(), SessionRepository.class);
        priming.beforeCheckpoint(null);
    }

    static final class RecordingRepository implements SessionRepository {

        final List<String> calls = new ArrayList<>();

        @Override
        public WriteResult save(SessionRecord record) {
            calls.add("save " + record.sessionId());
            return WriteResult.CREATED;
        }

        @Override
        public Optional<SessionRecord> findById(String sessionId) {
            calls.add("findById " + sessionId);
            return Optional.empty();
        }

        @Override
        public SessionPage query(SessionQuery query) {
            calls.add("query");
            return new SessionPage(List.of(), null);
        }
    }
}
