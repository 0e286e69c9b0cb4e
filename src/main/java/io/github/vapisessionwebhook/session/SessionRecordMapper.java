package io.github.vapisessionwebhook.session;

import io.github.vapisessionwebhook.vapi.Customer;
import io.github.vapisessionwebhook.vapi.PhoneNumber;
import io.github.vapisessionwebhook.vapi.Session;
import io.github.vapisessionwebhook.vapi.SessionEventType;
import io.github.vapisessionwebhook.vapi.SessionMessage;
import java.time.Instant;
import java.util.function.Function;

/**
 * Picks the whitelisted metadata out of a session message: the session's own fields first, then the
 * message's customer and phone number (what Vapi resolved for it) for what the session leaves out.
 */
public final class SessionRecordMapper {

    private SessionRecordMapper() {
    }

    /**
     * Expects a message the reader validated (required fields present).
     *
     * @throws io.github.vapisessionwebhook.vapi.InvalidMessageException naming a field whose value
     *     cannot be stored ({@link StoredValues})
     */
    public static SessionRecord toRecord(SessionEventType type, SessionMessage message, Instant receivedAt) {
        StoredValues.requireStorable(message);
        Session session = message.session();
        Customer customer = firstNonNull(session.customer(), message.customer());
        PhoneNumber phoneNumber = firstNonNull(message.phoneNumber(), session.phoneNumber());
        Instant eventTime = message.timestamp();
        boolean deleted = type == SessionEventType.DELETED;
        return new SessionRecord(
                session.id(),
                session.orgId(),
                session.status(),
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
