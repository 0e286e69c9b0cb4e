package io.github.vapisessionwebhook.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.vapisessionwebhook.session.SessionIndex;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.WriteResult;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.Records;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Each request shape the DynamoDB store sends, pinned: what DynamoDB evaluates is the contract. */
class DynamoDbRequestsTest {

    private static final Instant T0 = Instant.parse("2026-08-01T12:00:00Z");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final String NEWER_VERSION = "attribute_not_exists(#sessionId) OR (#deleted = :false AND #updatedAt < :updatedAt)";

    private final List<SdkRequest> sent = new ArrayList<>();
    private final DynamoDbSessionRepository store = new DynamoDbSessionRepository(Moto.start().dynamoDb(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            sent.add(context.request());
        }
    }), Moto.TABLE, Duration.ofDays(90));

    private static SessionRecord version(String id, Instant updatedAt, boolean deleted) {
        return Records.session(id).status("active").assistantId("asst-1").customer("+15555550123", null)
                .phoneNumber(null, null, "vapi").updatedAt(updatedAt)
                .event(deleted ? "session.deleted" : "session.updated", deleted ? 1_785_585_000_000L : null).receivedAt(NOW)
                .deleted(deleted, updatedAt).build();
    }

    @Test
    void aVersionIsOneConditionalPutOfTheWholeItem() {
        String id = UUID.randomUUID().toString();
        assertEquals(WriteResult.CREATED, store.save(version(id, T0.plusSeconds(60), false)));

        PutItemRequest put = (PutItemRequest) sent.get(0);
        assertEquals(1, sent.size());
        assertEquals(Moto.TABLE, put.tableName());
        assertEquals(NEWER_VERSION, put.conditionExpression());
        assertEquals(Map.of("#sessionId", "sessionId", "#deleted", "deleted", "#updatedAt", "updatedAt"),
                put.expressionAttributeNames());
        assertEquals(Map.of(":false", AttributeValue.fromBool(false), ":updatedAt", AttributeValue.fromS("2026-08-01T12:01:00.000Z")),
                put.expressionAttributeValues());
        assertEquals(ReturnValue.ALL_OLD, put.returnValues(), "an old image tells created from updated");
        assertEquals(new TreeSet<>(Set.of("sessionId", "orgId", "status", "assistantId", "customerNumber", "phoneNumberProvider",
                "createdAt", "updatedAt", "lastEventType", "receivedAt", "deleted", "expiresAt")), new TreeSet<>(put.item().keySet()),
                "absent fields are absent attributes");
        assertEquals(AttributeValue.fromN(Long.toString(NOW.plus(Duration.ofDays(90)).getEpochSecond())), put.item().get("expiresAt"),
                "TTL from the arrival, which is later than updatedAt here");
    }

    @Test
    void aStaleDeleteIsARefusedPutThenOneUpdateThatOnlyMarksTheStoredVersion() {
        String id = UUID.randomUUID().toString();
        store.save(version(id, T0.plusSeconds(120), false));
        sent.clear();
        assertEquals(WriteResult.UPDATED, store.save(version(id, T0.plusSeconds(60), true)));

        assertEquals(2, sent.size());
        assertEquals(NEWER_VERSION, ((PutItemRequest) sent.get(0)).conditionExpression());
        UpdateItemRequest update = (UpdateItemRequest) sent.get(1);
        assertEquals(Map.of("sessionId", AttributeValue.fromS(id)), update.key());
        assertEquals("attribute_exists(#sessionId) AND #deleted = :false", update.conditionExpression());
        assertEquals("SET #deleted = :true, #deletedAt = :deletedAt, #lastEventType = :lastEventType, #receivedAt = :receivedAt,"
                + " #expiresAt = :expiresAt, #eventTimestamp = :eventTimestamp", update.updateExpression());
        assertEquals(Map.of(":false", AttributeValue.fromBool(false), ":true", AttributeValue.fromBool(true),
                ":deletedAt", AttributeValue.fromS("2026-08-01T12:01:00.000Z"), ":lastEventType", AttributeValue.fromS("session.deleted"),
                ":receivedAt", AttributeValue.fromS(SessionRecord.format(NOW)),
                ":expiresAt", AttributeValue.fromN(Long.toString(NOW.plus(Duration.ofDays(90)).getEpochSecond())),
                ":eventTimestamp", AttributeValue.fromN("1785585000000")), update.expressionAttributeValues());
        assertFalse(update.updateExpression().contains("#updatedAt"), "updatedAt never moves back");
    }

    @Test
    void aListingIsAQueryOfTheIndexNewestFirstAndOneMoreThanThePage() {
        store.query(new SessionQuery(SessionIndex.ASSISTANT, "asst-1", T0, T0.plusSeconds(3600), 10, null));

        QueryRequest query = (QueryRequest) sent.get(0);
        assertEquals("byAssistant", query.indexName());
        assertEquals("#key = :key AND #created BETWEEN :from AND :to", query.keyConditionExpression());
        assertEquals(Map.of("#key", "assistantId", "#created", "createdAt"), query.expressionAttributeNames());
        assertEquals(Map.of(":key", AttributeValue.fromS("asst-1"), ":from", AttributeValue.fromS("2026-08-01T12:00:00.000Z"),
                ":to", AttributeValue.fromS("2026-08-01T13:00:00.000Z")), query.expressionAttributeValues());
        assertEquals(false, query.scanIndexForward());
        assertEquals(11, query.limit(), "one more than the page says whether another follows");
    }
}
