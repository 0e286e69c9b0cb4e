package io.github.vapisessionwebhook.function;

import static io.github.vapisessionwebhook.support.Invoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.StorageUnavailableException;
import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.FailingStore;
import io.github.vapisessionwebhook.support.LogCapture;
import io.github.vapisessionwebhook.support.Payloads;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plants canaries (a Twilio auth token, an assistant API key, a server header, a SIP password, a
 * customer number and e-mail) in payloads, sends them down every path (stored, ignored, invalid,
 * too large, wrong method, storage down) and searches every captured log record, at every level,
 * and every stored record for them.
 */
@QuarkusTest
class SecretsStayOutTest {

    private static final List<String> CANARIES = List.of(
            "canary-twilio-token-7f3a", "canary-api-key-19bd", "canary-header-value-5c2e",
            "canary-sip-password-0d44", "+15550009999", "canary.person@example.org");

    @Inject
    SessionRepository repository;

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    static ObjectNode planted(String type, String id) {
        ObjectNode body = Payloads.session(type, id, "2026-08-01T12:00:00.000Z");
        ObjectNode message = (ObjectNode) body.get("message");
        ObjectNode phone = message.putObject("phoneNumber");
        phone.put("provider", "twilio").put("id", "pn-1").put("number", "+15555550100")
                .put("twilioAccountSid", "AC1").put("twilioAuthToken", CANARIES.get(0));
        phone.putObject("server").putObject("headers").put("X-Api-Key", CANARIES.get(2));
        ObjectNode assistant = message.putObject("assistant");
        assistant.put("name", "a").putArray("credentials").addObject().put("provider", "openai").put("apiKey", CANARIES.get(1));
        message.putObject("call").put("id", "call-1").putObject("phoneNumber").putObject("authentication")
                .put("username", "u").put("password", CANARIES.get(3));
        ObjectNode customer = (ObjectNode) Payloads.sessionNode(body).get("customer");
        customer.put("number", CANARIES.get(4)).put("email", CANARIES.get(5));
        message.putObject("customer").put("number", CANARIES.get(4)).put("email", CANARIES.get(5));
        return body;
    }

    @Test
    void canariesReachNeitherLogsNorRecords() {
        List<String> ids = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
            for (String type : new String[] {"session.created", "session.updated", "status-update"}) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                invoke(kind.post(Payloads.text(planted(type, id))));
            }
            ObjectNode badTime = planted("session.updated", UUID.randomUUID().toString());
            Payloads.sessionNode(badTime).put("updatedAt", CANARIES.get(0));
            assertEquals(400, invoke(kind.post(Payloads.text(badTime))).status());
            ObjectNode badId = planted("session.created", "x");
            Payloads.sessionNode(badId).putObject("id").put("secret", CANARIES.get(1));
            assertEquals(400, invoke(kind.post(Payloads.text(badId))).status());
        }
        String broken = Payloads.text(planted("session.created", "y")).substring(0, 900);
        assertEquals(400, invoke(EventKind.HTTP_API.post(broken)).status());
        String large = Payloads.text(planted("session.created", "z")) + " ".repeat(6_300_000);
        assertEquals(413, invoke(EventKind.REST_API.post(large)).status());
        assertEquals(405, invoke(EventKind.HTTP_API.event("GET", Map.of("X-Vapi-Secret", CANARIES.get(2)),
                Payloads.text(planted("session.created", "w")), false)).status());
        int stored = 0;
        for (String id : ids) {
            Optional<SessionRecord> record = repository.findById(id);
            if (record.isPresent()) {
                stored++;
                String attributes = fields(record.get());
                // The customer number is whitelisted metadata (customerNumber); every other canary must be absent.
                CANARIES.stream().filter(canary -> !canary.equals(CANARIES.get(4)))
                        .forEach(canary -> assertFalse(attributes.contains(canary), canary));
            }
        }
        assertEquals(6, stored, "created and updated messages of each kind were stored");
        QuarkusMock.installMockForType(new FailingStore(subject -> new StorageUnavailableException("down while writing " + subject, null)), SessionRepository.class);
        assertEquals(503, invoke(EventKind.HTTP_API.post(Payloads.text(planted("session.created", "v")))).status());
        QuarkusMock.installMockForType(new FailingStore(subject -> new IllegalStateException("unexpected while writing " + subject + " " + CANARIES,
                new NumberFormatException("For input string: \"" + CANARIES.get(0) + "\""))), SessionRepository.class);
        assertEquals(500, invoke(EventKind.HTTP_API.post(Payloads.text(planted("session.created", "u")))).status());

        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(line -> line.contains("event handled")), "logs were captured");
        assertTrue(lines.stream().anyMatch(line -> line.contains("unexpected failure") && line.contains("\tat ")),
                "the 500 was logged with its stack trace");
        for (String line : lines) {
            for (String canary : CANARIES) {
                assertFalse(line.contains(canary), "log carries " + canary + ": " + line);
            }
        }
        QuarkusMock.installMockForType(repository, SessionRepository.class);
    }

    @Test
    void storedRecordsCarryOnlyWhitelistedMetadata() {
        String id = UUID.randomUUID().toString();
        ObjectNode body = planted("session.created", id);
        ((ObjectNode) Payloads.sessionNode(body).get("customer")).put("number", "+15555550123");
        ((ObjectNode) body.get("message").get("customer")).put("number", "+15555550123");
        assertEquals("created", invoke(EventKind.HTTP_API.post(Payloads.text(body))).field("result"));
        SessionRecord stored = repository.findById(id).orElseThrow();
        String everything = fields(stored);
        for (String canary : CANARIES) {
            assertFalse(everything.contains(canary), "record carries " + canary);
        }
        assertEquals("+15555550123", stored.customerNumber());
    }

    /** Every field of a record, values unmasked (its toString masks personal data). */
    private static String fields(SessionRecord record) {
        StringBuilder all = new StringBuilder();
        for (java.lang.reflect.RecordComponent component : SessionRecord.class.getRecordComponents()) {
            try {
                all.append(component.getName()).append('=').append(component.getAccessor().invoke(record)).append(' ');
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return all.toString();
    }

}
