package io.github.vapisessionwebhook.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.StorageUnavailableException;
import io.github.vapisessionwebhook.support.DynamoDbLocal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The repository contract on Amazon's DynamoDB Local engine, plus what only DynamoDB has. */
class DynamoDbSessionRepositoryTest extends SessionRepositoryContract {

    @Override
    SessionRepository newRepository() {
        DynamoDbLocal local = DynamoDbLocal.start();
        return new DynamoDbSessionRepository(local.client(), DynamoDbLocal.TABLE, Duration.ofDays(90));
    }

    @Test
    void itemCarriesTtlFromUpdatedAtPlusRetention() {
        String id = newId();
        SessionRecord record = version(id, 3, "session.updated", "asst");
        SessionRecord future = new SessionRecord(id, "org", null, null, null, null, null, null, null, null, null,
                null, null, T0, RECEIVED.plusSeconds(3600), null, "session.updated", null, RECEIVED, false, null);
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
    }

    @Test
    void zeroRetentionKeepsForever() {
        DynamoDbLocal local = DynamoDbLocal.start();
        SessionRepository forever = new DynamoDbSessionRepository(local.client(), DynamoDbLocal.TABLE, Duration.ZERO);
        String id = newId();
        forever.save(version(id, 1, "session.created", "asst"));
        assertFalse(rawItem(id).containsKey("expiresAt"));
    }

    @Test
    void missingTableIsStorageUnavailable() {
        DynamoDbLocal local = DynamoDbLocal.start();
        SessionRepository broken = new DynamoDbSessionRepository(local.client(), "no-such-table", Duration.ZERO);
        assertThrows(StorageUnavailableException.class, () -> broken.save(version(newId(), 1, "session.created", "a")));
        assertThrows(StorageUnavailableException.class, () -> broken.findById(newId()));
    }

    private static Map<String, AttributeValue> rawItem(String id) {
        return DynamoDbLocal.start().client().getItem(get -> get.tableName(DynamoDbLocal.TABLE)
                .key(Map.of("sessionId", AttributeValue.fromS(id)))).item();
    }
}
