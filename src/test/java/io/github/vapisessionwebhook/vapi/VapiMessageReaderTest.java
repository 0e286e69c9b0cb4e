package io.github.vapisessionwebhook.vapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.vapisessionwebhook.vapi.SessionEventType;
import io.github.vapisessionwebhook.support.Payloads;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binding what Vapi sends, including the drift real payloads show. */
class VapiMessageReaderTest {

    private final VapiMessageReader reader = new VapiMessageReader();

    private SessionMessage bind(String json) {
        VapiMessage message = reader.read(json.getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(VapiMessage.SessionEvent.class, message).message();
    }

    @Test
    void specExamplesBind() {
        SessionMessage full = bind(Payloads.text(Payloads.resource("session-created.full.json")));
        assertEquals("00000000-0000-4000-8000-000000000001", full.session().id());
        assertEquals(Instant.parse("2026-08-01T12:00:00Z"), full.session().updatedAt());
        assertEquals("active", full.session().status());
        assertEquals(86_400L, full.session().expirationSeconds());
        assertEquals(new PhoneNumber("vapi", "00000000-0000-4000-8000-0000000000b1", "+15555550100"), full.phoneNumber());
        assertEquals(Instant.ofEpochMilli(1785585600123L), full.timestamp());

        SessionMessage minimal = bind(Payloads.text(Payloads.resource("session-created.minimal.json")));
        assertEquals("00000000-0000-4000-8000-0000000000aa", minimal.session().orgId());
        assertNull(minimal.phoneNumber());
        assertNull(minimal.timestamp());
    }

    @Test
    void driftIsTolerated() {
        SessionMessage message = bind("""
                {"message":{"type":"session.updated","timestamp":"2025-03-01T10:00:00.5Z","brandNew":{"a":[1,2]},
                 "phoneNumber":{"provider":"acme-telecom","id":"pn-9","number":"+15555550111","region":"eu"},
                 "customer":null,"call":{"id":"call-1","endedReason":"pipeline-error-some-new-reason","status":"warping","extra":1},
                 "session":{"id":"s-1","orgId":"o-1","createdAt":"2026-08-01T12:00:00Z","updatedAt":"2026-08-01T12:00:01.250+02:00",
                  "status":"archived","expirationSeconds":8.64E4,"cost":1.5e-3,"messages":[{"role":"user","content":"hi"}],
                  "name":null,"futureField":{"nested":true}}}}""");
        assertEquals(Instant.parse("2025-03-01T10:00:00.500Z"), message.timestamp());
        assertEquals(new PhoneNumber("acme-telecom", "pn-9", "+15555550111"), message.phoneNumber(), "a provider added later");
        assertNull(message.customer());
        assertEquals("call-1", message.call().id());
        assertEquals("archived", message.session().status());
        assertEquals(86_400L, message.session().expirationSeconds());
        assertEquals(Instant.parse("2026-08-01T10:00:01.250Z"), message.session().updatedAt());
    }

    @Test
    void everyProvidersNumberBindsTheSameFields() {
        for (String provider : new String[] {"byo-phone-number", "twilio", "vonage", "vapi", "telnyx", null}) {
            String phone = provider == null ? "{\"id\":\"p\"}" : "{\"provider\":\"" + provider + "\",\"id\":\"p\"}";
            SessionMessage message = bind("{\"message\":{\"type\":\"session.created\",\"phoneNumber\":" + phone
                    + ",\"session\":{\"id\":\"s\",\"orgId\":\"o\",\"createdAt\":\"2026-08-01T12:00:00Z\",\"updatedAt\":\"2026-08-01T12:00:00Z\"}}}");
            assertEquals(new PhoneNumber(provider, "p", null), message.phoneNumber());
        }
    }

    @Test
    void secretsNeverShowInToString() {
        SessionMessage message = bind("""
                {"message":{"type":"session.created",
                 "phoneNumber":{"provider":"twilio","id":"pn","number":"+1555","twilioAccountSid":"AC1",
                   "twilioAuthToken":"canary-auth-token","twilioApiSecret":"canary-api-secret",
                   "server":{"url":"https://x","headers":{"Authorization":"canary-header"}}},
                 "assistant":{"name":"a","credentials":[{"provider":"openai","apiKey":"canary-api-key"}],
                   "model":{"provider":"openai","model":"gpt","apiKey":"canary-model-key"}},
                 "customer":{"number":"+15555550123","email":"canary@example.com"},
                 "session":{"id":"s","orgId":"o","createdAt":"2026-08-01T12:00:00Z","updatedAt":"2026-08-01T12:00:00Z",
                   "phoneNumber":{"twilioAuthToken":"canary-session-token"},
                   "assistantOverrides":{"credentials":[{"apiKey":"canary-override-key"}]}}}}""");
        String printed = message.toString();
        assertFalse(printed.contains("canary"), printed);
        assertFalse(printed.contains("+15555550123"), printed);
        assertEquals(new PhoneNumber("twilio", "pn", "+1555"), message.phoneNumber(), "the secrets are never bound at all");
    }

    @Test
    void otherTypesAreNotBound() {
        VapiMessage other = reader.read("{\"message\":{\"type\":\"end-of-call-report\",\"call\":[]}}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(new VapiMessage.Other("end-of-call-report"), other);
        assertEquals(SessionEventType.DELETED, SessionEventType.fromWireName("session.deleted").orElseThrow());
    }

    @Test
    void malformedFieldsNameTheirPathNotTheirValue() {
        InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> bind(
                "{\"message\":{\"type\":\"session.created\",\"session\":{\"id\":\"s\",\"orgId\":\"o\","
                        + "\"createdAt\":\"2026-08-01T12:00:00Z\",\"updatedAt\":\"secret-looking-value\"}}}"));
        assertEquals("message.session.updatedAt: must be an ISO-8601 date-time", e.getMessage());
        InvalidMessageException nested = assertThrows(InvalidMessageException.class, () -> bind(
                "{\"message\":{\"type\":\"session.created\",\"phoneNumber\":{\"provider\":\"twilio\",\"number\":[]},"
                        + "\"session\":{\"id\":\"s\",\"orgId\":\"o\",\"createdAt\":\"2026-08-01T12:00:00Z\",\"updatedAt\":\"2026-08-01T12:00:00Z\"}}}"));
        assertEquals("message.phoneNumber.number: must be a string", nested.getMessage());
    }

    /** A message whose {@code field} (a path below {@code message}) holds {@code json}. */
    private static String withField(String path, String json) {
        com.fasterxml.jackson.databind.node.ObjectNode body = Payloads.resource("session-created.full.json");
        com.fasterxml.jackson.databind.node.ObjectNode parent = (com.fasterxml.jackson.databind.node.ObjectNode) body;
        String[] steps = ("message." + path).split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.has(steps[i]) && parent.get(steps[i]).isObject()
                    ? (com.fasterxml.jackson.databind.node.ObjectNode) parent.get(steps[i])
                    : parent.putObject(steps[i]);
        }
        try {
            parent.set(steps[steps.length - 1], Payloads.JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Payloads.text(body);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "session.id|42|a string", "session.id|true|a string", "session.orgId|5|a string",
        "session.orgId|[\"o\"]|a string", "session.name|1.5|a string", "session.status|1|a string",
        "session.assistantId|false|a string", "session.squadId|7|a string", "session.customerId|7|a string",
        "session.phoneNumberId|{\"id\":\"p\"}|a string", "session.createdAt|1785585600|an ISO-8601 date-time",
        "session.updatedAt|1785585600000|an ISO-8601 date-time", "session.customer.number|15555550123|a string",
        "session.customer.name|{}|a string", "customer.number|15555550123|a string", "phoneNumber.id|9|a string",
        "phoneNumber.number|15555550100|a string", "phoneNumber.provider|5|a string", "call.id|123|a string"})
    void requiredAndStoredFieldsMustBeJsonStrings(String path, String json, String expected) {
        InvalidMessageException e = assertThrows(InvalidMessageException.class,
                () -> bind(withField(path, json)));
        assertEquals("message." + path + ": must be " + expected, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"customer.extension|12", "call.status|3", "session.customer.email|true",
        "phoneNumber.name|42", "assistantVersion|2"})
    void fieldsNeitherRequiredNorStoredStayLenient(String path, String json) {
        assertEquals("00000000-0000-4000-8000-000000000001", bind(withField(path, json)).session().id());
    }
}
