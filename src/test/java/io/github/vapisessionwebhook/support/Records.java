package io.github.vapisessionwebhook.support;

import io.github.vapisessionwebhook.session.SessionRecord;
import java.time.Instant;

/**
 * Session records for tests, by name instead of by position: {@code Records.session("s-1")
 * .assistantId("asst").updatedAt(t).build()}. Unset fields are absent; the required ones default to
 * an org, a creation at {@link #T0}, an update then, a {@code session.created} arriving now.
 */
public final class Records {

    public static final Instant T0 = Instant.parse("2026-08-01T12:00:00Z");

    private final String sessionId;
    private String orgId = "org-1";
    private String status;
    private String name;
    private String assistantId;
    private String squadId;
    private String customerId;
    private String customerNumber;
    private String customerName;
    private String phoneNumberId;
    private String phoneNumber;
    private String phoneNumberProvider;
    private String callId;
    private Instant createdAt = T0;
    private Instant updatedAt = T0;
    private Long expirationSeconds;
    private String lastEventType = "session.created";
    private Long eventTimestamp;
    private Instant receivedAt = Instant.now();
    private boolean deleted;
    private Instant deletedAt;

    private Records(String sessionId) {
        this.sessionId = sessionId;
    }

    public static Records session(String sessionId) {
        return new Records(sessionId);
    }

    public Records orgId(String value) { orgId = value; return this; }
    public Records status(String value) { status = value; return this; }
    public Records name(String value) { name = value; return this; }
    public Records assistantId(String value) { assistantId = value; return this; }
    public Records squadId(String value) { squadId = value; return this; }
    public Records customerId(String value) { customerId = value; return this; }
    public Records customer(String number, String customerName) { customerNumber = number; this.customerName = customerName; return this; }
    public Records phoneNumber(String id, String number, String provider) {
        phoneNumberId = id; phoneNumber = number; phoneNumberProvider = provider; return this;
    }
    public Records callId(String value) { callId = value; return this; }
    public Records createdAt(Instant value) { createdAt = value; return this; }
    public Records updatedAt(Instant value) { updatedAt = value; return this; }
    public Records expirationSeconds(Long value) { expirationSeconds = value; return this; }
    public Records event(String type, Long timestamp) { lastEventType = type; eventTimestamp = timestamp; return this; }
    public Records receivedAt(Instant value) { receivedAt = value; return this; }
    /** A {@code session.deleted} (at {@code at}), or not. */
    public Records deleted(boolean value, Instant at) { deleted = value; deletedAt = value ? at : null; return this; }

    public SessionRecord build() {
        return new SessionRecord(sessionId, orgId, status, name, assistantId, squadId, customerId, customerNumber,
                customerName, phoneNumberId, phoneNumber, phoneNumberProvider, callId, createdAt, updatedAt, expirationSeconds,
                lastEventType, eventTimestamp, receivedAt, deleted, deletedAt);
    }
}
