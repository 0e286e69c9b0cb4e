package io.github.vapisessionwebhook.reader;

import io.github.vapisessionwebhook.session.SessionIndex;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.StoredValues;
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
    private static final Set<String> PARAMETERS = Set.of("assistantId", "customerNumber", "from", "to", "limit", "cursor");

    /** @throws InvalidRequestException naming the first parameter that is wrong */
    static ListingRequest parse(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidRequestException(name, "is not a parameter of this query");
            }
        }
        String assistantId = key("assistantId", nonBlank(parameters, "assistantId"));
        String customerNumber = key("customerNumber", nonBlank(parameters, "customerNumber"));
        if ((assistantId == null) == (customerNumber == null)) {
            throw new InvalidRequestException("assistantId, customerNumber", "exactly one of them is required");
        }
        Instant from = instant(parameters, "from", StoredValues.EARLIEST);
        Instant to = instant(parameters, "to", StoredValues.LATEST);
        if (from.isAfter(to)) {
            throw new InvalidRequestException("from", "is after to");
        }
        int limit = limit(parameters.get("limit"));
        String cursor = nonBlank(parameters, "cursor");
        return assistantId != null
                ? new ListingRequest(new SessionQuery(SessionIndex.ASSISTANT, assistantId, from, to, limit, cursor))
                : new ListingRequest(new SessionQuery(SessionIndex.CUSTOMER_NUMBER, customerNumber, from, to, limit, cursor));
    }

    /**
     * A key value as a record can hold it: no stored text is longer or malformed, so such a value
     * matches nothing, and DynamoDB would refuse it as a key.
     */
    static String key(String name, String value) {
        String problem = value == null ? null : StoredValues.textProblem(value);
        if (problem != null) {
            throw new InvalidRequestException(name, problem);
        }
        return value;
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
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "must be an ISO-8601 instant such as 2026-08-01T12:00:00Z");
        }
        String problem = StoredValues.instantProblem(instant);
        if (problem != null) {
            throw new InvalidRequestException(name, problem);
        }
        return instant;
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
