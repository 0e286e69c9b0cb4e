package io.github.vapisessionwebhook.function;

import static io.github.vapisessionwebhook.support.Invoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.FailingStore;
import io.github.vapisessionwebhook.support.Invoker.Response;
import io.github.vapisessionwebhook.support.Payloads;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of the response contract, for HTTP API, REST API and direct events. */
@QuarkusTest
class ResponseContractTest {

    private static final String T0 = "2026-08-01T12:00:00.000Z";
    private static final String T1 = "2026-08-01T12:05:00.000Z";
    /** Lambda's request payload limit for a synchronous invocation, 6 MiB. */
    private static final int LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;

    @Inject
    SessionRepository repository;

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void sessionCreatedIsStoredAndAnsweredCreated(EventKind kind) {
        String id = newId();
        Response response = invoke(kind.post(Payloads.text(Payloads.session("session.created", id, T0))));

        assertEquals(200, response.status());
        assertEquals("application/json", response.headers().get("content-type").asText());
        assertEquals("created", response.field("result"));
        assertEquals("session.created", response.field("type"));
        assertEquals(id, response.field("sessionId"));
        SessionRecord stored = repository.findById(id).orElseThrow();
        assertEquals("00000000-0000-4000-8000-0000000000aa", stored.orgId());
        assertEquals("+15555550123", stored.customerNumber());
        assertEquals("+15555550100", stored.phoneNumber());
        assertEquals("vapi", stored.phoneNumberProvider());
        assertEquals("session.created", stored.lastEventType());
        assertEquals(1785585600123L, stored.eventTimestamp());
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void orderingRulesHoldForEveryEventKind(EventKind kind) {
        String id = newId();
        String created = Payloads.text(Payloads.session("session.created", id, T0));
        assertEquals("created", invoke(kind.post(created)).field("result"));
        assertEquals("unchanged", invoke(kind.post(created)).field("result"), "identical redelivery");

        ObjectNode newer = Payloads.session("session.updated", id, T1);
        Payloads.sessionNode(newer).put("status", "completed");
        assertEquals("updated", invoke(kind.post(Payloads.text(newer))).field("result"));

        ObjectNode stale = Payloads.session("session.updated", id, T0);
        Payloads.sessionNode(stale).put("name", "stale name");
        assertEquals("unchanged", invoke(kind.post(Payloads.text(stale))).field("result"), "older updatedAt");
        assertEquals("completed", repository.findById(id).orElseThrow().status());
        assertEquals("Billing question", repository.findById(id).orElseThrow().name());

        Response deleted = invoke(kind.post(Payloads.text(Payloads.session("session.deleted", id, T1))));
        assertEquals("updated", deleted.field("result"));
        assertEquals("session.deleted", deleted.field("type"));
        ObjectNode revived = Payloads.session("session.updated", id, "2026-08-01T13:00:00.000Z");
        assertEquals("unchanged", invoke(kind.post(Payloads.text(revived))).field("result"), "deleted stays deleted");
        SessionRecord stored = repository.findById(id).orElseThrow();
        assertTrue(stored.deleted());
        assertEquals("session.deleted", stored.lastEventType());
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void otherMessageTypesAreAcknowledgedAndNotStored(EventKind kind) {
        String id = newId();
        ObjectNode statusUpdate = Payloads.session("status-update", id, T0);
        Response response = invoke(kind.post(Payloads.text(statusUpdate)));

        assertEquals(200, response.status());
        assertEquals("ignored", response.field("result"));
        assertEquals("status-update", response.field("type"));
        assertEquals(2, response.body().size());
        assertEquals(Optional.empty(), repository.findById(id));
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void bareMessageWithoutEnvelopeIsAccepted(EventKind kind) {
        String id = newId();
        ObjectNode body = Payloads.session("session.created", id, T0);
        assertEquals("created", invoke(kind.post(Payloads.text(body.get("message")))).field("result"));
        assertTrue(repository.findById(id).isPresent());
    }

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = {"HTTP_API", "REST_API"})
    void bodyThatIsNotJsonIsInvalidJson(EventKind kind) {
        for (String body : new String[] {"not json", "{\"message\":", "", "{} {}"}) {
            Response response = invoke(kind.post(body));
            assertEquals(400, response.status(), body);
            assertEquals("invalid_json", response.field("error"), body);
            assertTrue(response.field("message").length() > 5, body);
        }
        Response missing = invoke(kind.event("POST", Map.of(), null, false));
        assertEquals("invalid_json", missing.field("error"));
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void jsonThatIsNotAnObjectIsInvalidJson(EventKind kind) {
        for (String body : new String[] {"[]", "\"text\"", "42", "[{\"message\":{}}]", "null", "true"}) {
            Response response = invoke(kind.post(body));
            assertEquals(400, response.status(), body);
            assertEquals("invalid_json", response.field("error"), body);
        }
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void missingOrMalformedFieldsNameTheirPath(EventKind kind) {
        assertInvalid(kind, "{\"message\":{}}", "message.type");
        assertInvalid(kind, "{\"message\":{\"type\":7}}", "message.type");
        assertInvalid(kind, "{\"message\":\"session.created\"}", "message");
        assertInvalid(kind, "{\"message\":{\"type\":\"session.created\"}}", "message.session");
        assertInvalid(kind, "{\"message\":{\"type\":\"session.created\",\"session\":[]}}", "message.session");

        String id = newId();
        ObjectNode noId = Payloads.session("session.created", id, T0);
        Payloads.sessionNode(noId).remove("id");
        assertInvalid(kind, Payloads.text(noId), "message.session.id");

        ObjectNode badTime = Payloads.session("session.updated", id, "yesterday");
        assertInvalid(kind, Payloads.text(badTime), "message.session.updatedAt");

        ObjectNode nullOrg = Payloads.session("session.deleted", id, T0);
        Payloads.sessionNode(nullOrg).putNull("orgId");
        assertInvalid(kind, Payloads.text(nullOrg), "message.session.orgId");

        ObjectNode noCreatedAt = Payloads.session("session.created", id, T0);
        Payloads.sessionNode(noCreatedAt).remove("createdAt");
        assertInvalid(kind, Payloads.text(noCreatedAt), "message.session.createdAt");

        ObjectNode badCustomer = Payloads.session("session.created", id, T0);
        ((ObjectNode) badCustomer.get("message")).put("customer", "+15555550123");
        assertInvalid(kind, Payloads.text(badCustomer), "message.customer");

        assertEquals(Optional.empty(), repository.findById(id), "nothing stored for rejected input");
    }

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = {"HTTP_API", "REST_API"})
    void methodOtherThanPostIsRefused(EventKind kind) {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            String id = newId();
            String body = Payloads.text(Payloads.session("session.created", id, T0));
            Response response = invoke(kind.event(method, Map.of(), body, false));
            assertEquals(405, response.status(), method);
            assertEquals("{\"error\":\"method_not_allowed\"}", response.rawBody());
            assertEquals(Optional.empty(), repository.findById(id));
        }
    }

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = {"HTTP_API", "REST_API"})
    void bodyAboveTheLimitIsRefused(EventKind kind) {
        String id = newId();
        ObjectNode large = Payloads.session("session.created", id, T0);
        ((ObjectNode) large.get("message")).put("padding", "x".repeat(LAMBDA_PAYLOAD_LIMIT));
        for (boolean base64 : new boolean[] {false, true}) {
            Response response = invoke(kind.event("POST", Map.of(), Payloads.text(large), base64));
            assertEquals(413, response.status());
            assertEquals("{\"error\":\"payload_too_large\"}", response.rawBody());
        }
        assertEquals(Optional.empty(), repository.findById(id));
    }

    /** A long chat's session.updated carries its messages: anything Lambda can deliver is accepted. */
    @ParameterizedTest
    @EnumSource(EventKind.class)
    void aLongChatBelowLambdasPayloadLimitIsAccepted(EventKind kind) {
        String id = newId();
        ObjectNode chat = Payloads.session("session.updated", id, T0);
        ArrayNode messages = Payloads.sessionNode(chat).putArray("messages");
        String turn = "I would like to move my appointment to next week, any afternoon works. ".repeat(14);
        for (int bytes = 0; bytes < 5 * 1024 * 1024; bytes += turn.length()) {
            messages.addObject().put("role", "user").put("content", turn);
        }
        assertTrue(Payloads.text(chat).length() > 5 * 1024 * 1024);
        Response response = invoke(kind.post(Payloads.text(chat)));
        assertEquals(200, response.status(), response.rawBody());
        assertEquals("created", response.field("result"));
        assertTrue(repository.findById(id).isPresent());
    }

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = {"HTTP_API", "REST_API"})
    void base64BodiesAreDecoded(EventKind kind) {
        String id = newId();
        String body = Payloads.text(Payloads.session("session.created", id, T0));
        assertEquals("created", invoke(kind.event("POST", Map.of(), body, true)).field("result"));
        assertTrue(repository.findById(id).isPresent());

        ObjectNode event = Payloads.read(kind.event("POST", Map.of(), body, true));
        event.put("body", "%%%%%%%%" + event.get("body").asText().substring(8));
        Response notBase64 = invoke(Payloads.text(event));
        assertEquals("invalid_json", notBase64.field("error"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"session.created", "session.updated", "session.deleted"})
    void storageFailureIsServiceUnavailableSoVapiRetries(String type) {
        QuarkusMock.installMockForType(FailingStore.down(), SessionRepository.class);
        String id = newId();
        for (EventKind kind : EventKind.values()) {
            Response response = invoke(kind.post(Payloads.text(Payloads.session(type, id, T0))));
            assertEquals(503, response.status());
            assertEquals("{\"error\":\"storage_unavailable\"}", response.rawBody());
        }
    }

    @Test
    void errorBodiesCarryNoInternalDetail() {
        String[] bodies = {"{\"message\":{\"type\":\"session.created\",\"session\":{\"id\":{}}}}", "{\"a\":", "[1,2",
            "{\"message\":{\"type\":\"session.created\",\"timestamp\":\"soon\",\"session\":{}}}"};
        for (String body : bodies) {
            Response response = invoke(EventKind.HTTP_API.post(body));
            assertEquals(400, response.status(), body);
            assertFalse(response.rawBody().contains("Exception"), response.rawBody());
            assertFalse(response.rawBody().contains("io.github"), response.rawBody());
            assertFalse(response.rawBody().contains("com.fasterxml"), response.rawBody());
            assertFalse(response.rawBody().contains("java."), response.rawBody());
            assertFalse(response.rawBody().contains("\tat "), response.rawBody());
        }
    }

    @Test
    void timestampAsIsoStringAndExponentNumbersAreAccepted() {
        String id = newId();
        ObjectNode body = Payloads.session("session.created", id, T0);
        ((ObjectNode) body.get("message")).put("timestamp", "2026-08-01T12:00:00.123Z");
        // Jackson writes a BigDecimal in exponent form: 8.64E+4.
        Payloads.sessionNode(body).put("expirationSeconds", new BigDecimal("8.64E4"));
        assertTrue(Payloads.text(body).contains("\"expirationSeconds\":8.64E+4"));
        assertEquals("created", invoke(EventKind.HTTP_API.post(Payloads.text(body))).field("result"));
        SessionRecord stored = repository.findById(id).orElseThrow();
        assertEquals(1785585600123L, stored.eventTimestamp());
        assertEquals(86400L, stored.expirationSeconds());
    }

    private void assertInvalid(EventKind kind, String body, String path) {
        Response response = invoke(kind.post(body));
        assertEquals(400, response.status(), body);
        assertEquals("invalid_message", response.field("error"), body);
        assertTrue(response.field("message").startsWith(path + ":"), response.field("message") + " should name " + path);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

}
