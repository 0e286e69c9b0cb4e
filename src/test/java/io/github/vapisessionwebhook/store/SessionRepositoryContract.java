package io.github.vapisessionwebhook.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.session.SessionIndex;
import io.github.vapisessionwebhook.session.SessionPage;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.StoredValues;
import io.github.vapisessionwebhook.session.WriteResult;
import io.github.vapisessionwebhook.support.Records;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules every {@link SessionRepository} enforces; run once per store. */
abstract class SessionRepositoryContract {

    static final Instant T0 = Instant.parse("2026-08-01T12:00:00Z");
    /** Arrival time: now, as in production, so DynamoDB's TTL (counted from it) never fires mid-test. */
    static final Instant RECEIVED = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    SessionRepository repository;

    abstract SessionRepository newRepository();

    @BeforeEach
    void setUp() {
        repository = newRepository();
    }

    static SessionRecord version(String id, int minute, String type, String assistantId) {
        boolean deleted = type.equals("session.deleted");
        Instant updatedAt = T0.plusSeconds(60L * minute);
        return Records.session(id).status(minute % 2 == 0 ? "active" : "completed").name("name at " + minute)
                .assistantId(assistantId).customerId("cust-1").customer("+15555550123", "Jane Doe")
                .phoneNumber("pn-1", "+15555550100", "vapi").callId(minute % 3 == 0 ? null : "call-" + minute)
                .updatedAt(updatedAt).expirationSeconds(86_400L).event(type, updatedAt.toEpochMilli()).receivedAt(RECEIVED)
                .deleted(deleted, updatedAt).build();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void firstWriteCreatesAndReadsBackEveryField() {
        String id = newId();
        SessionRecord record = version(id, 1, "session.created", "asst-" + id);
        assertEquals(WriteResult.CREATED, repository.save(record));
        assertEquals(Optional.of(record), repository.findById(id));
        assertEquals(Optional.empty(), repository.findById(newId()));
    }

    @Test
    void absentFieldsStayAbsent() {
        String id = newId();
        SessionRecord minimal = Records.session(id).receivedAt(RECEIVED).build();
        repository.save(minimal);
        SessionRecord stored = repository.findById(id).orElseThrow();
        assertEquals(minimal, stored);
        assertNull(stored.name());
        assertNull(stored.customerNumber());
    }

    @Test
    void redeliveryAndStaleVersionsChangeNothing() {
        String id = newId();
        SessionRecord v2 = version(id, 2, "session.updated", "asst");
        assertEquals(WriteResult.CREATED, repository.save(v2));
        assertEquals(WriteResult.UNCHANGED, repository.save(v2));
        assertEquals(WriteResult.UNCHANGED, repository.save(version(id, 1, "session.created", "asst")));
        assertEquals(WriteResult.UNCHANGED, repository.save(version(id, 2, "session.created", "other")),
                "same updatedAt is the same version");
        assertEquals(Optional.of(v2), repository.findById(id));
    }

    @Test
    void newerVersionReplacesTheWholeRecord() {
        String id = newId();
        repository.save(version(id, 1, "session.created", "asst"));
        SessionRecord v3 = version(id, 3, "session.updated", "asst");
        assertNull(v3.callId());
        assertEquals(WriteResult.UPDATED, repository.save(v3));
        assertEquals(Optional.of(v3), repository.findById(id), "a field absent from the newer message is gone");
    }

    @Test
    void deletedSessionStaysDeleted() {
        String id = newId();
        repository.save(version(id, 1, "session.created", "asst"));
        SessionRecord delete = version(id, 2, "session.deleted", "asst");
        assertEquals(WriteResult.UPDATED, repository.save(delete));
        assertEquals(WriteResult.UNCHANGED, repository.save(delete));
        assertEquals(WriteResult.UNCHANGED, repository.save(version(id, 9, "session.updated", "asst")));
        SessionRecord stored = repository.findById(id).orElseThrow();
        assertTrue(stored.deleted());
        assertEquals(delete, stored);
    }

    @Test
    void deleteArrivingFirstKeepsLaterCreatesOut() {
        String id = newId();
        SessionRecord delete = version(id, 5, "session.deleted", "asst");
        assertEquals(WriteResult.CREATED, repository.save(delete));
        assertEquals(WriteResult.UNCHANGED, repository.save(version(id, 1, "session.created", "asst")));
        assertEquals(WriteResult.UNCHANGED, repository.save(version(id, 7, "session.updated", "asst")));
        assertEquals(Optional.of(delete), repository.findById(id));
    }

    @Test
    void aStaleDeleteMarksTheNewerVersionDeletedAndKeepsItsFields() {
        String id = newId();
        SessionRecord newer = version(id, 5, "session.updated", "asst");
        repository.save(newer);
        SessionRecord delete = version(id, 4, "session.deleted", "asst-of-the-delete");
        assertEquals(WriteResult.UPDATED, repository.save(delete));

        SessionRecord stored = repository.findById(id).orElseThrow();
        assertTrue(stored.deleted());
        assertEquals(delete.deletedAt(), stored.deletedAt());
        assertEquals("session.deleted", stored.lastEventType());
        assertEquals(delete.eventTimestamp(), stored.eventTimestamp());
        assertEquals(newer.updatedAt(), stored.updatedAt(), "updatedAt never moves back");
        assertEquals(newer.name(), stored.name(), "newer metadata is kept");
        assertEquals("asst", stored.assistantId());
        assertEquals(newer.callId(), stored.callId());

        assertEquals(WriteResult.UNCHANGED, repository.save(delete), "a redelivered delete changes nothing");
        assertEquals(WriteResult.UNCHANGED, repository.save(version(id, 9, "session.updated", "asst")));
        assertEquals(stored, repository.findById(id).orElseThrow());
    }

    @Test
    void aDeleteAsOldAsTheStoredVersionAlsoOnlyMarksIt() {
        String id = newId();
        SessionRecord same = version(id, 4, "session.updated", "asst");
        repository.save(same);
        SessionRecord withoutTimestamp = Records.session(id).updatedAt(same.updatedAt()).event("session.deleted", null)
                .receivedAt(RECEIVED).deleted(true, same.updatedAt()).build();
        assertEquals(WriteResult.UPDATED, repository.save(withoutTimestamp));
        SessionRecord stored = repository.findById(id).orElseThrow();
        assertTrue(stored.deleted());
        assertEquals(same.name(), stored.name());
        assertNull(stored.eventTimestamp(), "the delete carried no timestamp, and the record says what wrote it last");
    }

    @Test
    void queriesByAssistantAndCustomerNumberNewestFirstInPages() {
        String assistant = "asst-" + newId();
        String number = "+1555" + (1_000_000 + new Random().nextInt(8_000_000));
        List<SessionRecord> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SessionRecord base = version(newId(), 1, "session.created", assistant);
            SessionRecord record = Records.session(base.sessionId()).status(base.status()).name(base.name())
                    .assistantId(base.assistantId()).customer(number, null).createdAt(T0.plusSeconds(3600L * i))
                    .updatedAt(base.updatedAt()).event(base.lastEventType(), null).receivedAt(base.receivedAt()).build();
            repository.save(record);
            saved.add(record);
        }
        repository.save(version(newId(), 1, "session.created", "asst-other"));
        List<SessionRecord> newestFirst = new ArrayList<>(saved);
        Collections.reverse(newestFirst);

        for (SessionIndex index : SessionIndex.values()) {
            String key = index == SessionIndex.ASSISTANT ? assistant : number;
            SessionPage first = repository.query(new SessionQuery(index, key, T0, T0.plusSeconds(86_400), 2, null));
            assertEquals(newestFirst.subList(0, 2), first.records(), index.name());
            SessionPage second = repository.query(new SessionQuery(index, key, T0, T0.plusSeconds(86_400), 2, first.nextCursor()));
            assertEquals(newestFirst.subList(2, 4), second.records(), index.name());
            SessionPage third = repository.query(new SessionQuery(index, key, T0, T0.plusSeconds(86_400), 2, second.nextCursor()));
            assertEquals(newestFirst.subList(4, 5), third.records(), index.name());
            assertNull(third.nextCursor());

            SessionPage ranged = repository.query(new SessionQuery(index, key, T0.plusSeconds(3600), T0.plusSeconds(3 * 3600), 10, null));
            assertEquals(newestFirst.subList(1, 4), ranged.records(), "createdAt range is inclusive");
        }
        assertThrows(IllegalArgumentException.class, () -> repository.query(
                new SessionQuery(SessionIndex.ASSISTANT, assistant, T0, T0.plusSeconds(60), 2, "not-a-cursor!")));
    }

    @Test
    void aListingThatFillsItsLastPageExactlyEndsWithoutACursor() {
        String assistant = "asst-" + newId();
        for (int i = 0; i < 4; i++) {
            repository.save(version(newId(), i, "session.created", assistant));
        }
        SessionQuery firstPage = new SessionQuery(SessionIndex.ASSISTANT, assistant, T0, T0.plusSeconds(86_400), 2, null);
        SessionPage first = repository.query(firstPage);
        assertEquals(2, first.records().size());
        SessionPage second = repository.query(new SessionQuery(SessionIndex.ASSISTANT, assistant, T0,
                T0.plusSeconds(86_400), 2, first.nextCursor()));
        assertEquals(2, second.records().size());
        assertNull(second.nextCursor(), "no cursor to an empty page");
    }

    /**
     * DynamoDB stops a query at 1 MB of items: 130 records with their texts near the stored-text cap
     * (about 12 KB each) pass that within one page of 100, and the page must still be whole, with a
     * cursor to the rest.
     */
    @Test
    void pagesOfLargeRecordsAreWhole() {
        String assistant = "asst-" + newId();
        String large = "x".repeat(StoredValues.MAX_TEXT_BYTES - 40);
        for (int i = 0; i < 130; i++) {
            repository.save(Records.session("large-" + i + "-" + large.substring(0, 900)).orgId("org-" + large).status("active")
                    .name("name-" + large).assistantId(assistant).squadId("squad-" + large).customerId("cust-" + large)
                    .customer("+1555" + large, "Jane " + large).phoneNumber("pn-" + large, "+1666" + large, "vapi")
                    .callId("call-" + large).createdAt(T0.plusSeconds(i)).updatedAt(T0.plusSeconds(i)).receivedAt(RECEIVED).build());
        }
        SessionQuery all = new SessionQuery(SessionIndex.ASSISTANT, assistant, T0, T0.plusSeconds(86_400), 100, null);
        SessionPage first = repository.query(all);
        assertEquals(100, first.records().size(), "a full page");
        assertTrue(first.nextCursor() != null, "a cursor to the rest");
        SessionPage second = repository.query(new SessionQuery(SessionIndex.ASSISTANT, assistant, T0,
                T0.plusSeconds(86_400), 100, first.nextCursor()));
        assertEquals(30, second.records().size());
        assertNull(second.nextCursor());
        Set<String> ids = new HashSet<>();
        first.records().forEach(record -> ids.add(record.sessionId()));
        second.records().forEach(record -> ids.add(record.sessionId()));
        assertEquals(130, ids.size(), "every session listed once");
    }

    /**
     * A cursor is no secret: one decoded, edited and re-encoded with the query's fingerprint is
     * refused when its position is outside the query's range or not a key a record can have.
     */
    @Test
    void anEditedCursorIsRefusedNotSentToTheStore() {
        String assistant = "asst-" + newId();
        for (int i = 0; i < 3; i++) {
            repository.save(version(newId(), i, "session.created", assistant));
        }
        Instant to = T0.plusSeconds(86_400);
        String cursor = repository.query(new SessionQuery(SessionIndex.ASSISTANT, assistant, T0, to, 1, null)).nextCursor();
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                .split("\\|", 4);
        for (String edited : List.of(
                parts[0] + "|2027-01-01T00:00:00.000Z|" + parts[2] + "|" + parts[3],
                parts[0] + "|+10000-01-01T00:00:00Z|" + parts[2] + "|" + parts[3],
                parts[0] + "|" + parts[1] + "|" + parts[2] + "|" + "s".repeat(1_500))) {
            String token = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(edited.getBytes(StandardCharsets.UTF_8));
            assertThrows(IllegalArgumentException.class, () -> repository.query(
                    new SessionQuery(SessionIndex.ASSISTANT, assistant, T0, to, 1, token)), edited);
        }
    }

    /**
     * Pages through 240 sessions of one assistant, 20 at a time, while another thread writes 120
     * more of that assistant, created before, between and after them: the listing holds no
     * duplicate and misses none of the sessions that existed before paging began.
     */
    @Test
    void pagingHoldsWhileNewSessionsAreWritten() throws Exception {
        String assistant = "asst-" + newId();
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < 240; i++) {
            SessionRecord record = created(assistant, T0.plusSeconds(60L * i * 2));
            repository.save(record);
            existing.add(record.sessionId());
        }
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            Random random = new Random(7);
            for (int i = 0; i < 120; i++) {
                repository.save(created(assistant, T0.plusSeconds(60L * (random.nextInt(600) - 60) + 30)));
            }
        });
        List<String> listed = new ArrayList<>();
        try {
            String cursor = null;
            do {
                SessionPage page = repository.query(new SessionQuery(SessionIndex.ASSISTANT, assistant, Instant.EPOCH,
                        T0.plusSeconds(86_400), 20, cursor));
                page.records().forEach(record -> listed.add(record.sessionId()));
                cursor = page.nextCursor();
            } while (cursor != null);
            writing.get(2, TimeUnit.MINUTES);
        } finally {
            writer.shutdownNow();
        }
        assertEquals(listed.size(), new HashSet<>(listed).size(), "a session was listed twice");
        Set<String> missed = new HashSet<>(existing);
        missed.removeAll(listed);
        assertEquals(Set.of(), missed, "sessions that existed before paging began were missed");
    }

    private static SessionRecord created(String assistantId, Instant createdAt) {
        return Records.session(newId()).status("active").assistantId(assistantId).createdAt(createdAt).updatedAt(createdAt)
                .receivedAt(RECEIVED).build();
    }

    /**
     * 8 threads deliver 4,000 messages for 50 sessions: several versions each, shuffled, duplicated,
     * some with a delete. Whatever the interleaving, each session must end as its newest version, or
     * as its delete.
     */
    @Test
    void concurrentShuffledDeliveriesEndInTheExpectedState() throws Exception {
        Random random = new Random(42);
        List<SessionRecord> deliveries = new ArrayList<>();
        Map<String, SessionRecord> expected = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            String id = newId();
            ids.add(id);
            List<SessionRecord> versions = new ArrayList<>();
            int count = 2 + random.nextInt(8);
            for (int v = 0; v < count; v++) {
                versions.add(version(id, v, v == 0 ? "session.created" : "session.updated", "asst-c"));
            }
            SessionRecord last = versions.get(versions.size() - 1);
            if (s % 3 == 0) {
                last = version(id, count + random.nextInt(3) - 1, "session.deleted", "asst-c");
                versions.add(last);
            }
            expected.put(id, last);
            for (int d = 0; d < 80; d++) {
                deliveries.add(versions.get(random.nextInt(versions.size())));
            }
            deliveries.addAll(versions);
        }
        Collections.shuffle(deliveries, random);
        List<SessionRecord> batch = deliveries.subList(0, 4_000);
        for (String id : ids) {
            boolean delivered = batch.stream().anyMatch(r -> r.sessionId().equals(id));
            boolean lastDelivered = batch.contains(expected.get(id));
            if (!lastDelivered || !delivered) {
                batch = new ArrayList<>(batch);
                batch.add(expected.get(id));
            }
        }
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int perThread = (batch.size() + 7) / 8;
            for (int t = 0; t < 8; t++) {
                List<SessionRecord> slice = batch.subList(t * perThread, Math.min(batch.size(), (t + 1) * perThread));
                futures.add(pool.submit(() -> slice.forEach(record -> {
                    if (repository.save(record) == WriteResult.CREATED) {
                        created.incrementAndGet();
                    }
                })));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            SessionRecord stored = repository.findById(id).orElseThrow();
            SessionRecord want = expected.get(id);
            if (!want.deleted()) {
                assertEquals(want, stored, "session " + id);
                continue;
            }
            // A delete no newer than the version it meets only marks it, so which version's fields
            // remain depends on arrival order; that it is deleted by this delete, and never older
            // than it, does not.
            assertTrue(stored.deleted(), "session " + id);
            assertEquals(want.deletedAt(), stored.deletedAt(), "session " + id);
            assertEquals("session.deleted", stored.lastEventType());
            assertFalse(stored.updatedAt().isBefore(want.updatedAt()), "session " + id);
            assertEquals("name at " + java.time.Duration.between(T0, stored.updatedAt()).toMinutes(), stored.name(),
                    "the fields of one delivered version, session " + id);
        }
        assertEquals(50, created.get(), "exactly one CREATED per session");
        assertFalse(expected.isEmpty());
    }
}
