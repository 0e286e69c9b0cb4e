package io.github.vapisessionwebhook.reader;

import io.github.vapisessionwebhook.session.SessionIndex;
import io.github.vapisessionwebhook.session.SessionQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of {@code GET /sessions}, checked: exactly one of {@code assistantId} and
 * {@code customerNumber}; {@code from} and {@code to}, ISO-8601 instants on {@code createdAt}
 * (inclusive, open-ended when absent); {@code limit} 1 to 100, default 25; {@code cursor} from the
 * previous page.
 */
record ListingRequest(SessionQuery query) {

    static final int DEFAULT_LIMIT = 25;
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final Set<String> PARAMETERS = Set.of("assistantId", "customerNumber", "from", "to", "limit", "cursor");

    /** @throws InvalidRequestException naming the first parameter that is wrong */
    static ListingRequest parse(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidRequestException(name, "is not a parameter of this query");
            }
        }
        String assistantId = nonBlank(parameters, "assistantId");
        String customerNumber = nonBlank(parameters, "customerNumber");
        if ((assistantId == null) == (customerNumber == null)) {
            throw new InvalidRequestException("assistantId, customerNumber", "exactly one of them is required");
        }
        Instant from = instant(parameters, "from", EARLIEST);
        Instant to = instant(parameters, "to", LATEST);
        if (from.isAfter(to)) {
            throw new InvalidRequestException("from", "is after to");
        }
        int limit = limit(parameters.get("limit"));
        String cursor = nonBlank(parameters, "cursor");
        return assistantId != null
                ? new ListingRequest(new SessionQuery(SessionIndex.ASSISTANT, assistantId, from, to, limit, cursor))
                : new ListingRequest(new SessionQuery(SessionIndex.CUSTOMER_NUMBER, customerNumber, from, to, limit, cursor));
    }

    private static String nonBlank(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value != null && value.isBlank()) {
            throw new InvalidRequestException(name, "is empty");
        }
        return value;
    }

    private static Instant instant(Map<String, String> parameters, String name, Instant absent) {
        String value = nonBlank(parameters, name);
        if (value == null) {
            return absent;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "must be an ISO-8601 instant such as 2026-08-01T12:00:00Z");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value.matches("[0-9]{1,3}")) {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= SessionQuery.MAX_LIMIT) {
                return limit;
            }
        }
        throw new InvalidRequestException("limit", "must be a whole number from 1 to " + SessionQuery.MAX_LIMIT);
    }
}
