package io.github.vapisessionwebhook.reader;

import io.github.vapisessionwebhook.tracing.Tracing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.function.SessionReaderFunction;
import io.github.vapisessionwebhook.gateway.GatewayResponse;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.Records;
import java.util.Optional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query API's contract, through the function as API Gateway and a direct invocation call it. */
class SessionReaderTest {

    private static final Instant T0 = Instant.parse("2026-08-01T12:00:00Z");

    private final InMemorySessionRepository repository = new InMemorySessionRepository();
    private final SessionReaderFunction function = new SessionReaderFunction(new SessionReader(repository), new Tracing(Optional.empty(), "test"));

    private static SessionRecord session(String id, String assistantId, int hour) {
        return Records.session(id).status("active").name("name " + id).assistantId(assistantId).customer("+15555550123", "Jane")
                .phoneNumber(null, null, "vapi").createdAt(T0.plusSeconds(3600L * hour)).updatedAt(T0.plusSeconds(3600L * hour + 60))
                .expirationSeconds(86_400L).event("session.updated", 1L).receivedAt(T0).build();
    }

    /** An HTTP API (payload 2.0) request through the IAM-authorised routes. */
    private GatewayResponse get(String method, Map<String, String> path, Map<String, String> query) {
        ObjectNode event = unauthorised(method, path, query);
        ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("iam")
                .put("accountId", "123456789012").put("userArn", "arn:aws:iam::123456789012:user/reader");
        return function.read(event);
    }

    /** The same request on a route deployed without the AWS_IAM authorizer: no identity in its context. */
    private static ObjectNode unauthorised(String method, Map<String, String> path, Map<String, String> query) {
        ObjectNode event = Payloads.JSON.createObjectNode();
        event.put("version", "2.0").put("rawPath", "/sessions");
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "r-1").putObject("http").put("method", method);
        path.forEach(event.putObject("pathParameters")::put);
        if (!query.isEmpty()) {
            query.forEach(event.putObject("queryStringParameters")::put);
        }
        return event;
    }

    private static JsonNode body(GatewayResponse response) {
        try {
            return Payloads.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    @Test
    void oneRecordAsStoredOr404() {
        repository.save(session("s-1", "a", 0));
        GatewayResponse found = get("GET", Map.of("sessionId", "s-1"), Map.of());
        assertEquals(200, found.statusCode());
        assertEquals("application/json", found.headers().get("content-type"));
        JsonNode record = body(found);
        assertEquals("s-1", record.get("sessionId").asText());
        assertEquals("2026-08-01T12:00:00.000Z", record.get("createdAt").asText(), "times as stored");
        assertEquals(86_400, record.get("expirationSeconds").asInt());
        assertFalse(record.get("deleted").asBoolean());
        assertFalse(record.has("squadId"), "absent fields stay absent");
        assertFalse(record.has("dryRun"));

        GatewayResponse missing = get("GET", Map.of("sessionId", "nope"), Map.of());
        assertEquals(404, missing.statusCode());
        assertEquals("{\"error\":\"not_found\"}", missing.body());
    }

    @Test
    void listingsAreNewestFirstInPagesEndingWithoutACursor() {
        for (int hour = 0; hour < 30; hour++) {
            repository.save(session("s-" + hour, "asst", hour));
        }
        repository.save(session("other", "asst-2", 5));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new LinkedHashMap<>(Map.of("assistantId", "asst", "limit", "8"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = body(get("GET", Map.of(), query));
            page.get("items").forEach(item -> seen.add(item.get("sessionId").asText()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertEquals(4, pages);
        List<String> newestFirst = new ArrayList<>();
        for (int hour = 29; hour >= 0; hour--) {
            newestFirst.add("s-" + hour);
        }
        assertEquals(newestFirst, seen);

        JsonNode defaults = body(get("GET", Map.of(), Map.of("customerNumber", "+15555550123")));
        assertEquals(25, defaults.get("items").size(), "default limit");
        JsonNode ranged = body(get("GET", Map.of(), Map.of("assistantId", "asst", "from", "2026-08-01T14:00:00Z",
                "to", "2026-08-01T16:00:00.000Z")));
        assertEquals(3, ranged.get("items").size(), "from and to are inclusive");
        assertFalse(ranged.has("nextCursor"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "assistantId=a&customerNumber=b|assistantId, customerNumber: exactly one of them is required",
        "limit=5|assistantId, customerNumber: exactly one of them is required",
        "assistantId=a&from=yesterday|from: must be an ISO-8601 instant such as 2026-08-01T12:00:00Z",
        "assistantId=a&to=2026-13-01T00:00:00Z|to: must be an ISO-8601 instant such as 2026-08-01T12:00:00Z",
        "assistantId=a&from=2026-08-02T00:00:00Z&to=2026-08-01T00:00:00Z|from: is after to",
        "assistantId=a&limit=0|limit: must be a whole number from 1 to 100",
        "assistantId=a&limit=101|limit: must be a whole number from 1 to 100",
        "assistantId=a&limit=ten|limit: must be a whole number from 1 to 100",
        "assistantId=a&limit=-1|limit: must be a whole number from 1 to 100",
        "assistantId=a&cursor=not-a-cursor|cursor: was not handed out by this API for this query",
        "assistantId=a&assistant=b|assistant: is not a parameter of this query",
        "assistantId=|assistantId: is empty",
        "assistantId=a&from=+10000-01-01T00:00:00Z|from: must be in the years 0000 to 9999",
        "assistantId=a&to=-0001-01-01T00:00:00Z|to: must be in the years 0000 to 9999",
        "assistantId=a&to=+1000000000-01-01T00:00:00Z|to: must be in the years 0000 to 9999",
        "customerNumber=+1555LONG|customerNumber: is longer than 1024 bytes (UTF-8)"})
    void malformedParametersAre400NamingTheParameter(String parameters, String message) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : parameters.split("&")) {
            String[] nameValue = pair.split("=", 2);
            query.put(nameValue[0], nameValue[1].replace("LONG", "5".repeat(1_100)));
        }
        GatewayResponse response = get("GET", Map.of(), query);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_request", body(response).get("error").asText());
        assertEquals(message, body(response).get("message").asText());
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() {
        for (int hour = 0; hour < 3; hour++) {
            repository.save(session("s-" + hour, "asst", hour));
        }
        String cursor = body(get("GET", Map.of(), Map.of("assistantId", "asst", "limit", "1"))).get("nextCursor").asText();
        assertEquals(200, get("GET", Map.of(), Map.of("assistantId", "asst", "limit", "1", "cursor", cursor)).statusCode());
        for (Map<String, String> other : List.of(
                Map.of("assistantId", "asst-2", "cursor", cursor),
                Map.of("customerNumber", "asst", "cursor", cursor),
                Map.of("assistantId", "asst", "from", "2026-01-01T00:00:00Z", "cursor", cursor))) {
            GatewayResponse response = get("GET", Map.of(), other);
            assertEquals(400, response.statusCode(), other.toString());
            assertTrue(body(response).get("message").asText().startsWith("cursor:"));
        }
    }

    /** A session id no record can have is the caller's mistake, not a store failure. */
    @Test
    void aSessionIdNoRecordCanHaveIs400() {
        GatewayResponse response = get("GET", Map.of("sessionId", "s".repeat(2_100)), Map.of());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("sessionId: is longer than 1024 bytes (UTF-8)", body(response).get("message").asText());
        GatewayResponse direct = function.read(Payloads.JSON.createObjectNode().put("sessionId", "a\ud800"));
        assertEquals(400, direct.statusCode(), direct.body());
    }

    /** A route deployed without AWS_IAM must not open the session log: the reader fails closed. */
    @Test
    void aGatewayRequestWithoutAnIamIdentityIsRefused() {
        repository.save(session("s-1", "asst", 0));
        for (GatewayResponse response : List.of(
                function.read(unauthorised("GET", Map.of("sessionId", "s-1"), Map.of())),
                function.read(unauthorised("GET", Map.of(), Map.of("assistantId", "asst"))))) {
            assertEquals(401, response.statusCode());
            assertEquals("{\"error\":\"unauthorized\"}", response.body());
        }
        assertEquals(200, function.read(Payloads.JSON.createObjectNode().put("sessionId", "s-1")).statusCode(),
                "a direct invocation is authorised by Lambda's own IAM permission");
    }

    @Test
    void otherMethodsAre405AndDirectInvocationsTakeAQueryObject() {
        assertEquals("{\"error\":\"method_not_allowed\"}", get("POST", Map.of(), Map.of("assistantId", "a")).body());
        assertEquals(405, get("DELETE", Map.of("sessionId", "s-1"), Map.of()).statusCode());

        repository.save(session("s-9", "asst", 9));
        GatewayResponse direct = function.read(Payloads.JSON.createObjectNode().put("assistantId", "asst").put("limit", 5));
        assertEquals(200, direct.statusCode());
        assertEquals("s-9", body(direct).get("items").get(0).get("sessionId").asText());
        assertEquals(200, function.read(Payloads.JSON.createObjectNode().put("sessionId", "s-9")).statusCode());
        GatewayResponse notAnObject = function.read(Payloads.JSON.createArrayNode().add(1));
        assertEquals(400, notAnObject.statusCode());
        assertEquals("the query must be a JSON object", body(notAnObject).get("message").asText());
    }

    @Test
    void theEventsFolderQueriesAreAnswered() {
        repository.save(session("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-0000000000a1", 1));
        GatewayResponse one = function.read(Payloads.event("http-api-get-session.json"));
        assertEquals(200, one.statusCode(), one.body());
        for (String listing : List.of("http-api-list-sessions.json", "direct-list-sessions.json")) {
            GatewayResponse page = function.read(Payloads.event(listing));
            assertEquals(200, page.statusCode(), page.body());
            assertEquals(1, body(page).get("items").size(), listing);
        }
    }
}
