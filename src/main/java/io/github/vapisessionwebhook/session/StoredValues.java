package io.github.vapisessionwebhook.session;

import io.github.vapisessionwebhook.vapi.Customer;
import io.github.vapisessionwebhook.vapi.InvalidMessageException;
import io.github.vapisessionwebhook.vapi.PhoneNumber;
import io.github.vapisessionwebhook.vapi.Session;
import io.github.vapisessionwebhook.vapi.SessionMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What a record can keep, checked before any write so that a value DynamoDB would refuse, or one
 * that would sort wrongly, is a 4xx here rather than a 5xx at the store (retried by Vapi for ever):
 * texts of at most {@link #MAX_TEXT_BYTES} of UTF-8, without a lone surrogate (keys stay inside
 * DynamoDB's limits, items far inside 400 KB); instants in the years 0000 to 9999 (fixed width).
 */
public final class StoredValues {

    /** Longest text kept in a record field, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 1024;
    /** The first and the last instant a record keeps (and a query may name). */
    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private StoredValues() {
    }

    /** Why {@code text} cannot be stored, or {@code null} if it can. */
    public static String textProblem(String text) {
        // A character is at most 4 bytes, so most texts need no encoding to be measured.
        if (text.length() > MAX_TEXT_BYTES / 4 && text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            return "is longer than " + MAX_TEXT_BYTES + " bytes (UTF-8)";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode (a lone surrogate)";
            }
        }
        return null;
    }

    /** Why {@code instant} cannot be stored, or {@code null} if it can. */
    public static String instantProblem(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? "must be in the years 0000 to 9999" : null;
    }

    /** @throws InvalidMessageException naming the first stored field that cannot be stored */
    static void requireStorable(SessionMessage message) {
        Session session = message.session();
        text("message.session.id", session.id());
        text("message.session.orgId", session.orgId());
        text("message.session.name", session.name());
        text("message.session.status", session.status());
        text("message.session.assistantId", session.assistantId());
        text("message.session.squadId", session.squadId());
        text("message.session.customerId", session.customerId());
        text("message.session.phoneNumberId", session.phoneNumberId());
        customer("message.session.customer", session.customer());
        customer("message.customer", message.customer());
        phoneNumber("message.session.phoneNumber", session.phoneNumber());
        phoneNumber("message.phoneNumber", message.phoneNumber());
        text("message.call.id", message.call() == null ? null : message.call().id());
        instant("message.session.createdAt", session.createdAt());
        instant("message.session.updatedAt", session.updatedAt());
        instant("message.timestamp", message.timestamp());
    }

    private static void customer(String path, Customer customer) {
        if (customer != null) {
            text(path + ".number", customer.number());
            text(path + ".name", customer.name());
        }
    }

    private static void phoneNumber(String path, PhoneNumber phoneNumber) {
        if (phoneNumber != null) {
            text(path + ".id", phoneNumber.id());
            text(path + ".number", phoneNumber.number());
            text(path + ".provider", phoneNumber.provider());
        }
    }

    private static void text(String path, String value) {
        require(path, value == null ? null : textProblem(value));
    }

    private static void instant(String path, Instant value) {
        require(path, value == null ? null : instantProblem(value));
    }

    private static void require(String path, String problem) {
        if (problem != null) {
            throw InvalidMessageException.invalidField(path, problem);
        }
    }
}
