package io.github.vapisessionwebhook.store;

import io.github.vapisessionwebhook.aws.AwsFailures;
import io.github.vapisessionwebhook.session.PageCursor;
import io.github.vapisessionwebhook.session.SessionPage;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.StorageUnavailableException;
import io.github.vapisessionwebhook.session.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Session records in DynamoDB, the rules of {@link SessionRecord#applyTo} encoded in conditions so that
 * concurrent writers need no read first: one conditional {@code PutItem}, and for a stale delete one
 * conditional {@code UpdateItem} that only marks the stored version deleted. A failed condition is
 * {@code UNCHANGED}; any other failure, after the SDK's retries, a {@link StorageUnavailableException}.
 */
public class DynamoDbSessionRepository implements SessionRepository {

    /** No record, or a live one whose updatedAt is older than the incoming one. */
    private static final String NEWER_VERSION = "attribute_not_exists(#sessionId) OR (#deleted = :false AND #updatedAt < :updatedAt)";
    /** A stored, live record: what a stale delete marks. */
    private static final String LIVE = "attribute_exists(#sessionId) AND #deleted = :false";
    private static final String MARK_DELETED = "SET #deleted = :true, #deletedAt = :deletedAt, #lastEventType = :lastEventType,"
            + " #receivedAt = :receivedAt";

    private static final AttributeValue FALSE = AttributeValue.fromBool(false);

    private final DynamoDbClient client;
    private final String tableName;
    private final Duration retention;

    /**
     * @param retention how long a record is kept after its {@code updatedAt} (or its arrival, if
     *     later); zero keeps it forever
     */
    public DynamoDbSessionRepository(DynamoDbClient client, String tableName, Duration retention) {
        this.client = client;
        this.tableName = tableName;
        this.retention = retention;
    }

    @Override
    public WriteResult save(SessionRecord record) {
        Map<String, AttributeValue> item = SessionItem.of(record);
        expiresAt(record.updatedAt(), record.receivedAt()).ifPresent(ttl -> item.put(SessionItem.EXPIRES_AT, ttl));
        try {
            PutItemResponse response = client.putItem(put -> put
                    .tableName(tableName)
                    .item(item)
                    .conditionExpression(NEWER_VERSION)
                    .expressionAttributeNames(names(SessionItem.SESSION_ID, SessionItem.DELETED, SessionItem.UPDATED_AT))
                    .expressionAttributeValues(Map.of(":false", FALSE, ":updatedAt", item.get(SessionItem.UPDATED_AT)))
                    .returnValues(ReturnValue.ALL_OLD));
            return response.hasAttributes() && !response.attributes().isEmpty()
                    ? WriteResult.UPDATED
                    : WriteResult.CREATED;
        } catch (ConditionalCheckFailedException notNewer) {
            return record.deleted() ? markDeleted(record) : WriteResult.UNCHANGED;
        } catch (SdkException e) {
            throw failure("PutItem", e);
        }
    }

    /** A delete no newer than the stored version: the stored fields stay, only the delete's marks are set. */
    private WriteResult markDeleted(SessionRecord delete) {
        StringBuilder update = new StringBuilder(MARK_DELETED);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":false", FALSE,
                ":true", AttributeValue.fromBool(true),
                ":deletedAt", SessionItem.time(delete.deletedAt()),
                ":lastEventType", AttributeValue.fromS(delete.lastEventType()),
                ":receivedAt", SessionItem.time(delete.receivedAt())));
        Map<String, String> names = names(SessionItem.SESSION_ID, SessionItem.DELETED, SessionItem.DELETED_AT,
                SessionItem.LAST_EVENT_TYPE, SessionItem.RECEIVED_AT, SessionItem.EVENT_TIMESTAMP);
        // The stored updatedAt is at least the delete's, and the arrival is now: counting the TTL from
        // the arrival keeps the record for the whole retention after the delete.
        expiresAt(delete.receivedAt(), delete.receivedAt()).ifPresent(ttl -> {
            update.append(", #expiresAt = :expiresAt");
            names.put("#" + SessionItem.EXPIRES_AT, SessionItem.EXPIRES_AT);
            values.put(":expiresAt", ttl);
        });
        if (delete.eventTimestamp() != null) {
            update.append(", #eventTimestamp = :eventTimestamp");
            values.put(":eventTimestamp", SessionItem.number(delete.eventTimestamp()));
        } else {
            update.append(" REMOVE #eventTimestamp");
        }
        try {
            client.updateItem(u -> u
                    .tableName(tableName)
                    .key(Map.of(SessionItem.SESSION_ID, AttributeValue.fromS(delete.sessionId())))
                    .updateExpression(update.toString())
                    .conditionExpression(LIVE)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return WriteResult.UPDATED;
        } catch (ConditionalCheckFailedException alreadyDeleted) {
            return WriteResult.UNCHANGED;
        } catch (SdkException e) {
            throw failure("UpdateItem", e);
        }
    }

    @Override
    public Optional<SessionRecord> findById(String sessionId) {
        try {
            Map<String, AttributeValue> item = client.getItem(get -> get
                    .tableName(tableName)
                    .key(Map.of(SessionItem.SESSION_ID, AttributeValue.fromS(sessionId)))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SessionItem.toRecord(item));
        } catch (SdkException e) {
            throw failure("GetItem", e);
        }
    }

    @Override
    public SessionPage query(SessionQuery query) {
        SessionItem.Index index = SessionItem.Index.of(query.index());
        Map<String, AttributeValue> values = Map.of(
                ":key", AttributeValue.fromS(query.key()),
                ":from", SessionItem.time(query.from()),
                ":to", SessionItem.time(query.to()));
        QueryRequest first = QueryRequest.builder()
                .tableName(tableName)
                .indexName(index.indexName)
                .keyConditionExpression("#key = :key AND #created BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#key", index.partitionKey, "#created", SessionItem.Index.SORT_KEY))
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .exclusiveStartKey(query.cursor() == null ? null : startKey(index, query))
                .build();
        // One more than a page tells whether another page exists. DynamoDB returns a LastEvaluatedKey
        // whenever Limit is reached, even with nothing after it, so that key alone would end some
        // listings on an empty page; the cursor is made from the page's last record instead. And it
        // stops a query at 1 MB of items: the next request goes on from there, until the page is full
        // or the query exhausted (each request returns at least one item, an item being at most 400 KB).
        List<SessionRecord> records = new ArrayList<>();
        QueryRequest request = first;
        try {
            while (request != null) {
                QueryResponse response = client.query(request.toBuilder().limit(query.limit() + 1 - records.size()).build());
                response.items().forEach(item -> records.add(SessionItem.toRecord(item)));
                request = response.hasLastEvaluatedKey() && records.size() <= query.limit()
                        ? first.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build()
                        : null;
            }
        } catch (SdkException e) {
            throw failure("Query", e);
        }
        return SessionPage.of(records, query);
    }

    private StorageUnavailableException failure(String operation, SdkException e) {
        return new StorageUnavailableException(
                AwsFailures.describe("DynamoDB " + operation + " on table " + tableName, "DynamoDB", e), e);
    }

    private static Map<String, AttributeValue> startKey(SessionItem.Index index, SessionQuery query) {
        PageCursor cursor = PageCursor.decodeFor(query);
        return Map.of(
                SessionItem.SESSION_ID, AttributeValue.fromS(cursor.sessionId()),
                index.partitionKey, AttributeValue.fromS(query.key()),
                SessionItem.Index.SORT_KEY, SessionItem.time(cursor.createdAt()));
    }

    /**
     * The TTL: counted from {@code updatedAt}, but never from before the record arrived, so a late
     * or replayed message is not acknowledged and then expired at once (TTL deletes past items).
     */
    private Optional<AttributeValue> expiresAt(Instant updatedAt, Instant receivedAt) {
        if (retention.isZero()) {
            return Optional.empty();
        }
        Instant from = updatedAt.isAfter(receivedAt) ? updatedAt : receivedAt;
        return Optional.of(SessionItem.number(from.plus(retention).getEpochSecond()));
    }

    /** {@code #name -> name} for each attribute an expression names: every expression is aliased. */
    private static Map<String, String> names(String... attributes) {
        Map<String, String> names = new HashMap<>();
        for (String attribute : attributes) {
            names.put("#" + attribute, attribute);
        }
        return names;
    }
}
