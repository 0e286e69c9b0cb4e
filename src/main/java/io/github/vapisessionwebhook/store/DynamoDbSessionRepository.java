package io.github.vapisessionwebhook.store;

import io.github.vapisessionwebhook.session.PageCursor;
import io.github.vapisessionwebhook.session.SessionPage;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.StorageUnavailableException;
import io.github.vapisessionwebhook.session.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Session records in DynamoDB. Each write is one conditional {@code PutItem} that encodes
 * {@link SessionRecord#supersedes}, so concurrent Lambda instances, redeliveries and out-of-order
 * messages need no read first and cannot race. A failed condition is {@code UNCHANGED}; every other
 * failure (after the SDK's own retries of throttling and transient errors) is a
 * {@link StorageUnavailableException}.
 */
public class DynamoDbSessionRepository implements SessionRepository {

    /** A live record whose updatedAt is older than the incoming one, or no record at all. */
    private static final String NEWER_VERSION = "attribute_not_exists(sessionId)"
            + " OR (deleted = :false AND updatedAt < :updatedAt)";
    /** A delete lands on any live record, whatever its version. */
    private static final String NOT_YET_DELETED = "attribute_not_exists(sessionId) OR deleted = :false";

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
        Map<String, AttributeValue> item = toItem(record);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":false", FALSE);
        if (!record.deleted()) {
            values.put(":updatedAt", item.get("updatedAt"));
        }
        try {
            PutItemResponse response = client.putItem(put -> put
                    .tableName(tableName)
                    .item(item)
                    .conditionExpression(record.deleted() ? NOT_YET_DELETED : NEWER_VERSION)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD));
            return response.hasAttributes() && !response.attributes().isEmpty()
                    ? WriteResult.UPDATED
                    : WriteResult.CREATED;
        } catch (ConditionalCheckFailedException e) {
            return WriteResult.UNCHANGED;
        } catch (SdkException e) {
            throw failure("PutItem", e);
        }
    }

    @Override
    public Optional<SessionRecord> findById(String sessionId) {
        try {
            Map<String, AttributeValue> item = client.getItem(get -> get
                    .tableName(tableName)
                    .key(Map.of(SessionTable.PARTITION_KEY, AttributeValue.fromS(sessionId)))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
        } catch (SdkException e) {
            throw failure("GetItem", e);
        }
    }

    @Override
    public SessionPage query(SessionQuery query) {
        String keyAttribute = query.index().keyAttribute();
        Map<String, AttributeValue> values = Map.of(
                ":key", AttributeValue.fromS(query.key()),
                ":from", AttributeValue.fromS(SessionRecord.format(query.from())),
                ":to", AttributeValue.fromS(SessionRecord.format(query.to())));
        Map<String, AttributeValue> startKey = query.cursor() == null ? null : startKey(query);
        try {
            QueryResponse response = client.query(q -> q
                    .tableName(tableName)
                    .indexName(query.index().indexName())
                    .keyConditionExpression("#key = :key AND #created BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#key", keyAttribute, "#created", SessionTable.SORT_KEY_OF_INDEXES))
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    // One more than a page tells whether another page exists. DynamoDB returns a
                    // LastEvaluatedKey whenever Limit is reached, even with nothing after it (moto
                    // only when more items follow), so that key alone would end some listings on
                    // an empty page; the cursor is made from the page's last record instead.
                    .limit(query.limit() + 1)
                    .exclusiveStartKey(startKey));
            List<SessionRecord> records = response.items().stream().map(DynamoDbSessionRepository::fromItem).toList();
            return SessionPage.of(records, query.limit());
        } catch (SdkException e) {
            throw failure("Query", e);
        }
    }

    /**
     * What an operator needs to tell a missing table from denied access, throttling or a timeout:
     * the AWS error code, HTTP status and request id, or the client-side failure's types. Never the
     * SDK's message text, which can quote request values.
     */
    private StorageUnavailableException failure(String operation, SdkException e) {
        StringBuilder detail = new StringBuilder("DynamoDB ").append(operation).append(" on table ").append(tableName)
                .append(" failed: ");
        if (e instanceof AwsServiceException service) {
            AwsErrorDetails error = service.awsErrorDetails();
            detail.append(error == null || error.errorCode() == null ? service.getClass().getSimpleName() : error.errorCode())
                    .append(" (HTTP ").append(service.statusCode())
                    .append(", AWS request id ").append(service.requestId()).append(')');
        } else {
            detail.append(e.getClass().getSimpleName()).append(" (no answer from DynamoDB");
            Throwable cause = e.getCause();
            for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
                detail.append(": ").append(cause.getClass().getSimpleName());
            }
            detail.append(')');
        }
        return new StorageUnavailableException(detail.toString(), e);
    }

    private static Map<String, AttributeValue> startKey(SessionQuery query) {
        PageCursor cursor = PageCursor.decode(query.cursor());
        return Map.of(
                SessionTable.PARTITION_KEY, AttributeValue.fromS(cursor.sessionId()),
                query.index().keyAttribute(), AttributeValue.fromS(query.key()),
                SessionTable.SORT_KEY_OF_INDEXES, AttributeValue.fromS(SessionRecord.format(cursor.createdAt())));
    }

    private Map<String, AttributeValue> toItem(SessionRecord record) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        record.toAttributes().forEach((name, value) -> item.put(name, toAttributeValue(value)));
        if (!retention.isZero()) {
            // Counted from updatedAt, but never from before the record arrived: a late or replayed
            // message must not be acknowledged and then expire at once (TTL deletes past items).
            Instant from = record.updatedAt().isAfter(record.receivedAt()) ? record.updatedAt() : record.receivedAt();
            long expiresAt = from.plus(retention).getEpochSecond();
            item.put(SessionTable.TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(expiresAt)));
        }
        return item;
    }

    private static AttributeValue toAttributeValue(Object value) {
        if (value instanceof Boolean flag) {
            return AttributeValue.fromBool(flag);
        }
        if (value instanceof Long number) {
            return AttributeValue.fromN(number.toString());
        }
        return AttributeValue.fromS((String) value);
    }

    private static SessionRecord fromItem(Map<String, AttributeValue> item) {
        Map<String, Object> attributes = new HashMap<>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                attributes.put(name, value.s());
            } else if (value.n() != null) {
                attributes.put(name, Long.valueOf(value.n()));
            } else if (value.bool() != null) {
                attributes.put(name, value.bool());
            }
        });
        return SessionRecord.fromAttributes(attributes);
    }
}
