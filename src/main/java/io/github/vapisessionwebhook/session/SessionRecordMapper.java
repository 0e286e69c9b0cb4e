package io.github.vapisessionwebhook.session;

import io.github.vapisessionwebhook.vapi.Customer;
import io.github.vapisessionwebhook.vapi.InvalidMessageException;
import io.github.vapisessionwebhook.vapi.PhoneNumber;
import io.github.vapisessionwebhook.vapi.Session;
import io.github.vapisessionwebhook.vapi.SessionMessage;
import java.time.Instant;
import java.util.function.Function;

/**
 * Picks the whitelisted metadata out of a session message. The session's own fields come first;
 * the message-level customer and phone number (what Vapi resolved for the message) fill in what
 * the session leaves out.
 */
public final class SessionRecordMapper {

    private SessionRecordMapper() {
    }

    /**
     * Longest text kept in a record field. Vapi's ids, names (at most 40) and numbers are far
     * shorter; the cap keeps any record well inside DynamoDB's 400 KB item limit.
     */
    public static final int MAX_TEXT_LENGTH = 1024;

    /**
     * Expects a message whose required fields were checked (session id, orgId and times present).
     *
     * @throws InvalidMessageException when a field to be stored is longer than {@link #MAX_TEXT_LENGTH}
     */
    public static SessionRecord toRecord(SessionEventType type, SessionMessage message, Instant receivedAt) {
        requireBounded(message);
        Session session = message.session();
        Customer customer = firstNonNull(session.customer(), message.customer());
        PhoneNumber phoneNumber = firstNonNull(message.phoneNumber(), session.phoneNumber());
        Instant eventTime = message.timestamp();
        boolean deleted = type == SessionEventType.DELETED;
        return new SessionRecord(
                session.id(),
                session.orgId(),
                session.status() == null ? null : session.status().value(),
                session.name(),
                session.assistantId(),
                session.squadId(),
                session.customerId(),
                from(customer, Customer::number, message.customer()),
                from(customer, Customer::name, message.customer()),
                session.phoneNumberId() != null ? session.phoneNumberId() : idOf(phoneNumber),
                phoneNumber == null ? null : phoneNumber.number(),
                phoneNumber == null ? null : phoneNumber.provider(),
                message.call() == null ? null : message.call().id(),
                session.createdAt(),
                session.updatedAt(),
                session.expirationSeconds(),
                type.wireName(),
                eventTime == null ? null : eventTime.toEpochMilli(),
                receivedAt,
                deleted,
                deleted ? firstNonNull(eventTime, session.updatedAt()) : null);
    }

    private static void requireBounded(SessionMessage message) {
        Session session = message.session();
        bounded("message.session.id", session.id());
        bounded("message.session.orgId", session.orgId());
        bounded("message.session.name", session.name());
        bounded("message.session.status", session.status() == null ? null : session.status().value());
        bounded("message.session.assistantId", session.assistantId());
        bounded("message.session.squadId", session.squadId());
        bounded("message.session.customerId", session.customerId());
        bounded("message.session.phoneNumberId", session.phoneNumberId());
        bounded("message.session.customer", session.customer());
        bounded("message.customer", message.customer());
        bounded("message.session.phoneNumber", session.phoneNumber());
        bounded("message.phoneNumber", message.phoneNumber());
        bounded("message.call.id", message.call() == null ? null : message.call().id());
    }

    private static void bounded(String path, Customer customer) {
        if (customer != null) {
            bounded(path + ".number", customer.number());
            bounded(path + ".name", customer.name());
        }
    }

    private static void bounded(String path, PhoneNumber phoneNumber) {
        if (phoneNumber != null) {
            bounded(path + ".id", phoneNumber.id());
            bounded(path + ".number", phoneNumber.number());
            bounded(path + ".provider", phoneNumber.provider());
        }
    }

    private static void bounded(String path, String value) {
        if (value != null && value.length() > MAX_TEXT_LENGTH) {
            throw InvalidMessageException.invalidField(path, "is longer than " + MAX_TEXT_LENGTH + " characters");
        }
    }

    /** A customer field from the session's customer, else from the message's. */
    private static String from(Customer primary, Function<Customer, String> field, Customer fallback) {
        String value = primary == null ? null : field.apply(primary);
        if (value == null && fallback != null) {
            value = field.apply(fallback);
        }
        return value;
    }

    private static String idOf(PhoneNumber phoneNumber) {
        return phoneNumber == null ? null : phoneNumber.id();
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
