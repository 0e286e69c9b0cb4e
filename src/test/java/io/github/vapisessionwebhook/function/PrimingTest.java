package io.github.vapisessionwebhook.function;

import io.github.vapisessionwebhook.tracing.Tracing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.reader.SessionReader;
import io.github.vapisessionwebhook.session.SessionPage;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.WriteResult;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.FailingStore;
import io.github.vapisessionwebhook.vapi.VapiMessageReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Priming runs the exported function's parts once and reads the store, under a key no record has; it writes nothing. */
class PrimingTest {

    /** The in-memory store, recording what it is asked. */
    private static final class Recording implements SessionRepository {
        final InMemorySessionRepository store = new InMemorySessionRepository();
        final List<String> calls = new ArrayList<>();

        @Override
        public WriteResult save(SessionRecord record) {
            calls.add("save " + record.sessionId());
            return store.save(record);
        }

        @Override
        public Optional<SessionRecord> findById(String sessionId) {
            calls.add("findById " + sessionId);
            return store.findById(sessionId);
        }

        @Override
        public SessionPage query(SessionQuery query) {
            calls.add("query " + query.key());
            return store.query(query);
        }
    }

    private static void prime(SessionRepository repository, String exported) {
        prime(repository, exported, false);
    }

    private static void prime(SessionRepository repository, String exported, boolean aotTraining) {
        new Priming(new VapiMessageReader(), repository, () -> new SessionReaderFunction(new SessionReader(repository), new Tracing(Optional.empty(), "test")),
                exported, false, false, aotTraining).beforeCheckpoint(null);
    }

    @Test
    void theWebhookReadsTheOneKeyItsRoleMayReadAndWritesNothing() {
        Recording repository = new Recording();
        prime(repository, SessionWebhookFunction.NAME);
        assertEquals(List.of("findById " + Priming.STORE_KEY), repository.calls);
    }

    @Test
    void theReaderIsPrimedThroughItsQueryApi() {
        Recording repository = new Recording();
        prime(repository, SessionReaderFunction.NAME);
        assertEquals(List.of("query " + Priming.STORE_KEY, "findById " + Priming.STORE_KEY), repository.calls);
    }

    /** The aot build's training run: one cache for both functions, so the webhook's run primes the reader too. */
    @Test
    void theAotTrainingRunPrimesBothFunctions() {
        Recording repository = new Recording();
        prime(repository, SessionWebhookFunction.NAME, true);
        assertEquals(List.of("query " + Priming.STORE_KEY, "findById " + Priming.STORE_KEY, "findById " + Priming.STORE_KEY),
                repository.calls);
    }

    @Test
    void anUnreachableStoreDoesNotFailStartUp() {
        prime(FailingStore.down(), SessionWebhookFunction.NAME);
        prime(FailingStore.down(), SessionReaderFunction.NAME);
        assertTrue(true, "no exception: the first real request warms the store instead");
    }
}
