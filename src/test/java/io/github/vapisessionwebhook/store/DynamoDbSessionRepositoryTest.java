package io.github.vapisessionwebhook.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.session.SessionIndex;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.StorageUnavailableException;
import io.github.vapisessionwebhook.session.WriteResult;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.Records;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The repository contract on moto's DynamoDB server, plus what only DynamoDB has. Where moto is
 * known to differ from DynamoDB's documented behaviour:
 * <ul>
 *   <li>{@code LastEvaluatedKey}: DynamoDB returns one whenever {@code Limit} is reached, moto only
 *       when more items follow. The store reads one record more than a page and makes its own cursor,
 *       so both end a listing the same way ({@code aListingThatFillsItsLastPageExactlyEndsWithoutACursor}).
 *   <li>TTL: moto stores {@code expiresAt} but never deletes expired items; DynamoDB deletes them
 *       some time after expiry. The code never relies on deletion; the tests assert the attribute,
 *       its number type and its value, which is what DynamoDB's TTL reads.
 *   <li>Atomicity: DynamoDB applies a conditional write atomically per item. moto's threaded server
 *       does not (this suite's concurrency test once counted 51 creates for 50 sessions on it), so
 *       {@code MotoServer} serves one request at a time, which makes each write atomic again.
 * </ul>
 */
class DynamoDbSessionRepositoryTest extends SessionRepositoryContract {

    @Override
    SessionRepository newRepository() {
        Moto local = Moto.start();
        return new DynamoDbSessionRepository(local.client(), Moto.TABLE, Duration.ofDays(90));
    }

    @Test
    void itemCarriesTtlFromUpdatedAtPlusRetention() {
        String id = newId();
        SessionRecord record = version(id, 3, "session.updated", "asst");
        SessionRecord future = Records.session(id).orgId("org").updatedAt(RECEIVED.plusSeconds(3600))
                .event("session.updated", null).receivedAt(RECEIVED).build();
        repository.save(future);
        assertEquals(Long.toString(future.updatedAt().plus(Duration.ofDays(90)).getEpochSecond()),
                rawItem(id).get("expiresAt").n());

        id = newId();
        record = version(id, 3, "session.updated", "asst");
        repository.save(record);
        Map<String, AttributeValue> item = rawItem(id);
        assertEquals(Long.toString(RECEIVED.plus(Duration.ofDays(90)).getEpochSecond()), item.get("expiresAt").n(),
                "an old updatedAt counts from arrival, so the record does not expire on arrival");
        assertEquals("2026-08-01T12:03:00.000Z", item.get("updatedAt").s());
        assertEquals("86400", item.get("expirationSeconds").n());
        assertEquals(Boolean.FALSE, item.get("deleted").bool());

        repository.save(version(id, 2, "session.deleted", "asst"));
        assertEquals(Long.toString(RECEIVED.plus(Duration.ofDays(90)).getEpochSecond()), rawItem(id).get("expiresAt").n(),
                "a stale delete keeps the record the whole retention from its arrival");
        assertEquals("2026-08-01T12:03:00.000Z", rawItem(id).get("updatedAt").s());
    }

    @Test
    void zeroRetentionKeepsForever() {
        Moto local = Moto.start();
        SessionRepository forever = new DynamoDbSessionRepository(local.client(), Moto.TABLE, Duration.ZERO);
        String id = newId();
        forever.save(version(id, 3, "session.created", "asst"));
        assertFalse(rawItem(id).containsKey("expiresAt"));
        assertEquals(WriteResult.UPDATED, forever.save(version(id, 2, "session.deleted", "asst")), "a stale delete");
        assertFalse(rawItem(id).containsKey("expiresAt"));
        assertTrue(rawItem(id).get("deleted").bool());
    }

    @Test
    void missingTableIsStorageUnavailable() {
        Moto local = Moto.start();
        SessionRepository broken = new DynamoDbSessionRepository(local.client(), "no-such-table", Duration.ZERO);
        StorageUnavailableException onWrite = assertThrows(StorageUnavailableException.class,
                () -> broken.save(version(newId(), 1, "session.created", "a")));
        assertInstanceOf(ResourceNotFoundException.class, onWrite.getCause(), "DynamoDB's error for a missing table");
        assertInstanceOf(ResourceNotFoundException.class,
                assertThrows(StorageUnavailableException.class, () -> broken.findById(newId())).getCause());
        assertInstanceOf(ResourceNotFoundException.class, assertThrows(StorageUnavailableException.class,
                () -> broken.query(new SessionQuery(SessionIndex.ASSISTANT, "a", T0, T0, 1, null))).getCause());
    }

    private static Map<String, AttributeValue> rawItem(String id) {
        return Moto.start().client().getItem(get -> get.tableName(Moto.TABLE)
                .key(Map.of("sessionId", AttributeValue.fromS(id)))).item();
    }
}
