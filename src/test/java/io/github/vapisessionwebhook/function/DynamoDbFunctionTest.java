package io.github.vapisessionwebhook.function;

import static io.github.vapisessionwebhook.support.Invoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.Invoker.Response;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.MotoResource;
import io.github.vapisessionwebhook.support.Payloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The function end to end on the production store code, against moto's DynamoDB. */
@QuarkusTest
@TestProfile(DynamoDbFunctionTest.OnDynamoDb.class)
class DynamoDbFunctionTest {

    public static class OnDynamoDb implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MotoResource.class));
        }
    }

    @Test
    void eventsFilesLandInTheTable() {
        assertEquals("created", invoke(Payloads.text(Payloads.event("http-api-session-created.json"))).field("result"));
        Response updated = invoke(Payloads.text(Payloads.event("rest-api-session-updated.json")));
        assertEquals("updated", updated.field("result"));
        Response deleted = invoke(Payloads.text(Payloads.event("direct-session-deleted.json")));
        assertEquals("updated", deleted.field("result"));
        assertEquals("unchanged", invoke(Payloads.text(Payloads.event("direct-session-created.json"))).field("result"));
        assertEquals("ignored", invoke(Payloads.text(Payloads.event("http-api-status-update.json"))).field("result"));

        Map<String, AttributeValue> item = item("00000000-0000-4000-8000-000000000001");
        assertEquals(true, item.get("deleted").bool());
        assertEquals("session.deleted", item.get("lastEventType").s());
        assertEquals("2026-08-01T12:10:00.000Z", item.get("updatedAt").s());
        assertEquals("+15555550123", item.get("customerNumber").s());
        assertEquals("1785586200000", item.get("eventTimestamp").n());
    }

    @Test
    void onlyWhitelistedAttributesAreStored() {
        String id = UUID.randomUUID().toString();
        ObjectNode body = Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z");
        ObjectNode phone = ((ObjectNode) body.get("message")).putObject("phoneNumber");
        phone.put("provider", "twilio").put("id", "pn-t").put("number", "+15555550199")
                .put("twilioAccountSid", "AC123").put("twilioAuthToken", "canary-twilio-token");
        phone.putObject("server").putObject("headers").put("x-api-key", "canary-server-header");
        Payloads.sessionNode(body).put("squad", "not stored");
        assertEquals("created", invoke(EventKind.HTTP_API.post(Payloads.text(body))).field("result"));

        Map<String, AttributeValue> item = item(id);
        assertEquals(List.of(), item.keySet().stream().filter(name -> !List.of("sessionId", "orgId", "status", "name",
                "assistantId", "squadId", "customerId", "customerNumber", "customerName", "phoneNumberId", "phoneNumber",
                "phoneNumberProvider", "callId", "createdAt", "updatedAt", "expirationSeconds", "lastEventType",
                "eventTimestamp", "receivedAt", "deleted", "deletedAt", "expiresAt").contains(name)).toList());
        assertEquals("twilio", item.get("phoneNumberProvider").s());
        assertEquals("+15555550199", item.get("phoneNumber").s());
        assertFalse(item.toString().contains("canary"));
        assertNull(item.get("deletedAt"));
    }

    /**
     * Legal JSON that DynamoDB would refuse, or that would sort wrongly once stored, is a 400 naming
     * the field: never a 5xx that Vapi retries for ever, never a record that compares as older than
     * real dates.
     */
    @Test
    void valuesTheStoreCannotKeepFaithfullyAreInvalidMessages() {
        Map<String, Consumer<ObjectNode>> cases = new LinkedHashMap<>();
        cases.put("message.session.createdAt", body -> Payloads.sessionNode(body).put("createdAt", "+10000-01-01T00:00:00Z"));
        cases.put("message.session.updatedAt", body -> Payloads.sessionNode(body).put("updatedAt", "-0001-12-31T00:00:00Z"));
        cases.put("message.session.createdAt ", body -> Payloads.sessionNode(body).put("createdAt", "+1000000000-01-01T00:00:00Z"));
        cases.put("message.timestamp", body -> ((ObjectNode) body.get("message")).put("timestamp", 1e17));
        cases.put("message.session.name", body -> Payloads.sessionNode(body).put("name", "Jane LONE-HIGH Doe"));
        cases.put("message.customer.number", body -> ((ObjectNode) body.get("message")).putObject("customer")
                .put("number", "+1555LONE-LOW"));
        cases.forEach((path, change) -> {
            String id = UUID.randomUUID().toString();
            ObjectNode body = Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z");
            change.accept(body);
            // A lone surrogate reaches the function as JSON's escape: the text itself has no UTF-8 form.
            String text = Payloads.text(body).replace("LONE-HIGH", "\\ud800").replace("LONE-LOW", "\\udc00");
            Response response = invoke(EventKind.HTTP_API.post(text));
            assertEquals(400, response.status(), path + ": " + response.rawBody());
            assertEquals("invalid_message", response.field("error"));
            assertEquals(path.trim(), response.field("message").substring(0, response.field("message").indexOf(':')));
            assertTrue(item(id).isEmpty(), "nothing stored for " + path);
        });
    }

    private static Map<String, AttributeValue> item(String id) {
        return Moto.start().client().getItem(get -> get.tableName(Moto.TABLE).consistentRead(true)
                .key(Map.of("sessionId", AttributeValue.fromS(id)))).item();
    }
}
