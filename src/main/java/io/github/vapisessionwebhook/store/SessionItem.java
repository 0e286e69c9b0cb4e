package io.github.vapisessionwebhook.store;

import io.github.vapisessionwebhook.session.SessionIndex;
import io.github.vapisessionwebhook.session.SessionRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one mapping between a {@link SessionRecord} and its DynamoDB item: attribute names, their
 * types, the indexes and the TTL attribute. Absent fields are absent attributes (never empty
 * strings); times are fixed-width ISO-8601 text in UTC, so their string order is time order.
 */
final class SessionItem {

    static final String SESSION_ID = "sessionId";
    static final String ASSISTANT_ID = "assistantId";
    static final String CUSTOMER_NUMBER = "customerNumber";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String LAST_EVENT_TYPE = "lastEventType";
    static final String EVENT_TIMESTAMP = "eventTimestamp";
    static final String RECEIVED_AT = "receivedAt";
    static final String DELETED = "deleted";
    static final String DELETED_AT = "deletedAt";
    /** DynamoDB TTL: epoch seconds after which DynamoDB may delete the item. */
    static final String EXPIRES_AT = "expiresAt";

    private SessionItem() {
    }

    /** The global secondary index behind a {@link SessionIndex}. */
    enum Index {
        BY_ASSISTANT("byAssistant", ASSISTANT_ID),
        BY_CUSTOMER_NUMBER("byCustomerNumber", CUSTOMER_NUMBER);

        final String indexName;
        final String partitionKey;

        Index(String indexName, String partitionKey) {
            this.indexName = indexName;
            this.partitionKey = partitionKey;
        }

        static Index of(SessionIndex index) {
            return switch (index) {
                case ASSISTANT -> BY_ASSISTANT;
                case CUSTOMER_NUMBER -> BY_CUSTOMER_NUMBER;
            };
        }

        /** Every index sorts on the session's creation time. */
        static final String SORT_KEY = CREATED_AT;
    }

    /** The item for {@code record}, without TTL. */
    static Map<String, AttributeValue> of(SessionRecord record) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        text(item, SESSION_ID, record.sessionId());
        text(item, "orgId", record.orgId());
        text(item, "status", record.status());
        text(item, "name", record.name());
        text(item, ASSISTANT_ID, record.assistantId());
        text(item, "squadId", record.squadId());
        text(item, "customerId", record.customerId());
        text(item, CUSTOMER_NUMBER, record.customerNumber());
        text(item, "customerName", record.customerName());
        text(item, "phoneNumberId", record.phoneNumberId());
        text(item, "phoneNumber", record.phoneNumber());
        text(item, "phoneNumberProvider", record.phoneNumberProvider());
        text(item, "callId", record.callId());
        time(item, CREATED_AT, record.createdAt());
        time(item, UPDATED_AT, record.updatedAt());
        number(item, "expirationSeconds", record.expirationSeconds());
        text(item, LAST_EVENT_TYPE, record.lastEventType());
        number(item, EVENT_TIMESTAMP, record.eventTimestamp());
        time(item, RECEIVED_AT, record.receivedAt());
        item.put(DELETED, AttributeValue.fromBool(record.deleted()));
        time(item, DELETED_AT, record.deletedAt());
        return item;
    }

    /** The record an item holds (its TTL aside). */
    static SessionRecord toRecord(Map<String, AttributeValue> item) {
        Function<String, String> text = name -> item.containsKey(name) ? item.get(name).s() : null;
        Function<String, Instant> time = name -> item.containsKey(name) ? Instant.parse(item.get(name).s()) : null;
        Function<String, Long> number = name -> item.containsKey(name) ? Long.valueOf(item.get(name).n()) : null;
        return new SessionRecord(text.apply(SESSION_ID), text.apply("orgId"), text.apply("status"), text.apply("name"),
                text.apply(ASSISTANT_ID), text.apply("squadId"), text.apply("customerId"), text.apply(CUSTOMER_NUMBER),
                text.apply("customerName"), text.apply("phoneNumberId"), text.apply("phoneNumber"),
                text.apply("phoneNumberProvider"), text.apply("callId"), time.apply(CREATED_AT), time.apply(UPDATED_AT),
                number.apply("expirationSeconds"), text.apply(LAST_EVENT_TYPE), number.apply(EVENT_TIMESTAMP),
                time.apply(RECEIVED_AT), item.containsKey(DELETED) && Boolean.TRUE.equals(item.get(DELETED).bool()),
                time.apply(DELETED_AT));
    }

    static AttributeValue time(Instant instant) {
        return AttributeValue.fromS(SessionRecord.format(instant));
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void text(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static void time(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, time(value));
        }
    }

    private static void number(Map<String, AttributeValue> item, String name, Long value) {
        if (value != null) {
            item.put(name, number(value));
        }
    }
}
