package io.github.vapisessionwebhook.session;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metadata kept for one Vapi session: a whitelist of identifiers, names and times, never
 * configuration, transcripts or credentials. Optional fields are {@code null} when the message did
 * not carry them, and absent from {@link #toAttributes()}.
 *
 * <p>Times are truncated to milliseconds (Vapi's precision) so that their stored text form, fixed
 * width ISO-8601 in UTC, orders the same way as the instants: stores compare and sort on it.
 */
public record SessionRecord(
        String sessionId,
        String orgId,
        String status,
        String name,
        String assistantId,
        String squadId,
        String customerId,
        String customerNumber,
        String customerName,
        String phoneNumberId,
        String phoneNumber,
        String phoneNumberProvider,
        String callId,
        Instant createdAt,
        Instant updatedAt,
        Long expirationSeconds,
        String lastEventType,
        Long eventTimestamp,
        Instant receivedAt,
        boolean deleted,
        Instant deletedAt) {

    /** Fixed-width form of stored instants, e.g. {@code 2026-08-01T12:00:00.000Z}. */
    public static final DateTimeFormatter INSTANT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public SessionRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(lastEventType, "lastEventType");
        Objects.requireNonNull(receivedAt, "receivedAt");
        // Blank means absent: DynamoDB refuses empty index keys, and readers should not see "".
        orgId = blankToNull(orgId);
        status = blankToNull(status);
        name = blankToNull(name);
        assistantId = blankToNull(assistantId);
        squadId = blankToNull(squadId);
        customerId = blankToNull(customerId);
        customerNumber = blankToNull(customerNumber);
        customerName = blankToNull(customerName);
        phoneNumberId = blankToNull(phoneNumberId);
        phoneNumber = blankToNull(phoneNumber);
        phoneNumberProvider = blankToNull(phoneNumberProvider);
        callId = blankToNull(callId);
        createdAt = toMillis(createdAt);
        updatedAt = toMillis(updatedAt);
        receivedAt = toMillis(receivedAt);
        deletedAt = toMillis(deletedAt);
    }

    public static String format(Instant instant) {
        return INSTANT_FORMAT.format(instant);
    }

    /**
     * The stored attributes, named as in every store, absent fields left out. Values are
     * {@code String}, {@code Long} or {@code Boolean}.
     */
    public Map<String, Object> toAttributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        put(attributes, "sessionId", sessionId);
        put(attributes, "orgId", orgId);
        put(attributes, "status", status);
        put(attributes, "name", name);
        put(attributes, "assistantId", assistantId);
        put(attributes, "squadId", squadId);
        put(attributes, "customerId", customerId);
        put(attributes, "customerNumber", customerNumber);
        put(attributes, "customerName", customerName);
        put(attributes, "phoneNumberId", phoneNumberId);
        put(attributes, "phoneNumber", phoneNumber);
        put(attributes, "phoneNumberProvider", phoneNumberProvider);
        put(attributes, "callId", callId);
        put(attributes, "createdAt", createdAt == null ? null : format(createdAt));
        put(attributes, "updatedAt", format(updatedAt));
        put(attributes, "expirationSeconds", expirationSeconds);
        put(attributes, "lastEventType", lastEventType);
        put(attributes, "eventTimestamp", eventTimestamp);
        put(attributes, "receivedAt", format(receivedAt));
        put(attributes, "deleted", deleted);
        put(attributes, "deletedAt", deletedAt == null ? null : format(deletedAt));
        return attributes;
    }

    /** The inverse of {@link #toAttributes()}. */
    public static SessionRecord fromAttributes(Map<String, ?> attributes) {
        return new SessionRecord(
                (String) attributes.get("sessionId"),
                (String) attributes.get("orgId"),
                (String) attributes.get("status"),
                (String) attributes.get("name"),
                (String) attributes.get("assistantId"),
                (String) attributes.get("squadId"),
                (String) attributes.get("customerId"),
                (String) attributes.get("customerNumber"),
                (String) attributes.get("customerName"),
                (String) attributes.get("phoneNumberId"),
                (String) attributes.get("phoneNumber"),
                (String) attributes.get("phoneNumberProvider"),
                (String) attributes.get("callId"),
                instant(attributes.get("createdAt")),
                instant(attributes.get("updatedAt")),
                (Long) attributes.get("expirationSeconds"),
                (String) attributes.get("lastEventType"),
                (Long) attributes.get("eventTimestamp"),
                instant(attributes.get("receivedAt")),
                Boolean.TRUE.equals(attributes.get("deleted")),
                instant(attributes.get("deletedAt")));
    }

    /**
     * Whether this (incoming) version may replace {@code stored}, by the rules every store
     * enforces: a deleted session stays deleted; a delete always lands on a live session; any
     * other message must carry a strictly newer {@code updatedAt}, so stale messages and
     * redeliveries change nothing.
     */
    public boolean supersedes(SessionRecord stored) {
        if (stored == null) {
            return true;
        }
        if (stored.deleted) {
            return false;
        }
        return deleted || updatedAt.isAfter(stored.updatedAt);
    }

    /** Phone numbers and names are personal data: present or not, never their value. */
    @Override
    public String toString() {
        return "SessionRecord[sessionId=" + sessionId + ", updatedAt=" + updatedAt + ", lastEventType=" + lastEventType
                + ", deleted=" + deleted + ", assistantId=" + assistantId
                + ", customerNumber=" + mask(customerNumber) + ", customerName=" + mask(customerName)
                + ", phoneNumber=" + mask(phoneNumber) + "]";
    }

    private static String mask(String value) {
        return value == null ? "absent" : "***";
    }

    private static void put(Map<String, Object> attributes, String name, Object value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }

    private static Instant instant(Object text) {
        return text == null ? null : Instant.parse((String) text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Instant toMillis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
