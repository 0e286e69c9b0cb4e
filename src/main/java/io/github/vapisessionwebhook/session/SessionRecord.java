package io.github.vapisessionwebhook.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The metadata kept for one Vapi session: identifiers, names and times, never configuration,
 * transcripts or credentials; a field the message lacks is {@code null} and absent from the store.
 * Times are truncated to milliseconds so that their fixed-width text sorts as they do.
 */
@RegisterForReflection
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
     * What to keep when this incoming version meets {@code stored}, by the rules every store
     * enforces, or empty when nothing changes: a deleted session stays deleted; any other message
     * must carry a strictly newer {@code updatedAt}, so stale messages and redeliveries change
     * nothing; a delete always lands on a live session, and one older than the stored version
     * marks it deleted without replacing its newer fields or moving {@code updatedAt} back.
     */
    public Optional<SessionRecord> applyTo(SessionRecord stored) {
        if (stored == null || (!stored.deleted && updatedAt.isAfter(stored.updatedAt))) {
            return Optional.of(this);
        }
        if (stored.deleted || !deleted) {
            return Optional.empty();
        }
        return Optional.of(stored.deletedBy(this));
    }

    /** This record as a stale {@code delete} leaves it: its fields, with the delete's marks. */
    private SessionRecord deletedBy(SessionRecord delete) {
        return new SessionRecord(sessionId, orgId, status, name, assistantId, squadId, customerId, customerNumber,
                customerName, phoneNumberId, phoneNumber, phoneNumberProvider, callId, createdAt, updatedAt,
                expirationSeconds, delete.lastEventType, delete.eventTimestamp, delete.receivedAt, true, delete.deletedAt);
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Instant toMillis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
