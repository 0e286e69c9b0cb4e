package io.github.vapisessionwebhook.vapi;

import java.nio.charset.StandardCharsets;
/**
 * The bound on every text of a session message that a session record keeps, in UTF-8 bytes. Vapi's
 * ids, names (at most 40 characters) and numbers are far shorter; the bound keeps every key inside
 * DynamoDB's limits (a partition key at most 2,048 bytes, a sort key 1,024) and any record far
 * inside its 400 KB item limit, so a message is refused here (4xx) rather than failing at the store
 * (5xx, retried by Vapi for ever).
 */
public final class StoredTexts {

    /** Longest text kept in a record field, in UTF-8 bytes. */
    public static final int MAX_BYTES = 1024;

    private StoredTexts() {
    }

    /** @throws InvalidMessageException naming the first stored field longer than {@link #MAX_BYTES} */
    static void requireBounded(SessionMessage message) {
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
        // A character is at most 4 bytes, so most texts need no encoding to be measured.
        if (value != null && value.length() > MAX_BYTES / 4 && value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw InvalidMessageException.invalidField(path, "is longer than " + MAX_BYTES + " bytes (UTF-8)");
        }
    }
}
