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
    static final String ORG_ID = "orgId";
    static final String STATUS = "status";
    static final String NAME = "name";
    static final String ASSISTANT_ID = "assistantId";
    static final String SQUAD_ID = "squadId";
    static final String CUSTOMER_ID = "customerId";
    static final String CUSTOMER_NUMBER = "customerNumber";
    static final String CUSTOMER_NAME = "customerName";
    static final String PHONE_NUMBER_ID = "phoneNumberId";
    static final String PHONE_NUMBER = "phoneNumber";
    static final String PHONE_NUMBER_PROVIDER = "phoneNumberProvider";
    static final String CALL_ID = "callId";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String EXPIRATION_SECONDS = "expirationSeconds";
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
        text(item, ORG_ID, record.orgId());
        text(item, STATUS, record.status());
        text(item, NAME, record.name());
        text(item, ASSISTANT_ID, record.assistantId());
        text(item, SQUAD_ID, record.squadId());
        text(item, CUSTOMER_ID, record.customerId());
        text(item, CUSTOMER_NUMBER, record.customerNumber());
        text(item, CUSTOMER_NAME, record.customerName());
        text(item, PHONE_NUMBER_ID, record.phoneNumberId());
        text(item, PHONE_NUMBER, record.phoneNumber());
        text(item, PHONE_NUMBER_PROVIDER, record.phoneNumberProvider());
        text(item, CALL_ID, record.callId());
        time(item, CREATED_AT, record.createdAt());
        time(item, UPDATED_AT, record.updatedAt());
        number(item, EXPIRATION_SECONDS, record.expirationSeconds());
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
        return new SessionRecord(text.apply(SESSION_ID), text.apply(ORG_ID), text.apply(STATUS), text.apply(NAME),
                text.apply(ASSISTANT_ID), text.apply(SQUAD_ID), text.apply(CUSTOMER_ID), text.apply(CUSTOMER_NUMBER),
                text.apply(CUSTOMER_NAME), text.apply(PHONE_NUMBER_ID), text.apply(PHONE_NUMBER),
                text.apply(PHONE_NUMBER_PROVIDER), text.apply(CALL_ID), time.apply(CREATED_AT), time.apply(UPDATED_AT),
                number.apply(EXPIRATION_SECONDS), text.apply(LAST_EVENT_TYPE), number.apply(EVENT_TIMESTAMP),
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
