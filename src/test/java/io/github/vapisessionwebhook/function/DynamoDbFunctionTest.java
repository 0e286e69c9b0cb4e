package io.github.vapisessionwebhook.function;

import static io.github.vapisessionwebhook.support.Invoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.MotoResource;
import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.Invoker.Response;
import io.github.vapisessionwebhook.support.Payloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static Map<String, AttributeValue> item(String id) {
        return Moto.start().client().getItem(get -> get.tableName(Moto.TABLE).consistentRead(true)
                .key(Map.of("sessionId", AttributeValue.fromS(id)))).item();
    }
}
