package io.github.vapisessionwebhook.function;

import io.github.vapisessionwebhook.gateway.GatewayResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.Hmac;
import io.github.vapisessionwebhook.support.LogCapture;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.WiredFunction;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A delivery signed with every placeholder of Vapi's HMAC plan, through each gateway kind: the URL
 * the function rebuilds from the event is the one Vapi posted to, and the delivery id reaches the
 * event's log line.
 */
class HmacPlanDeliveryTest {

    private static final String SECRET = "plan-secret";
    private static final String TEMPLATE = "{method}\n{url}\n{svix-id}\n{timestamp}\n{body}";

    @ParameterizedTest
    @CsvSource({
        "http-api-session-created.json, /webhook, '', https://abcd1234.execute-api.us-east-1.amazonaws.com/webhook",
        "http-api-session-created.json, /prod/webhook, tenant=7&x=a%20b, https://abcd1234.execute-api.us-east-1.amazonaws.com/prod/webhook?tenant=7&x=a%20b",
        "rest-api-session-updated.json, /prod/webhook, '', https://abcd1234.execute-api.us-east-1.amazonaws.com/prod/webhook"})
    void everyPlaceholderVerifiesAgainstTheUrlVapiPostedTo(String eventFile, String path, String query, String url)
            throws Exception {
        InMemorySessionRepository store = new InMemorySessionRepository();
        SessionWebhookFunction function = WiredFunction.with(Map.of("vapi.webhook.auth", "hmac",
                "vapi.webhook.secret", SECRET, "vapi.webhook.hmac-payload-template", TEMPLATE,
                "vapi.webhook.hmac-message-id-header", "webhook-id"), store);
        String id = UUID.randomUUID().toString();
        String body = Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z"));
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String deliveryId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode event = Payloads.event(eventFile);
        if (event.has("rawPath")) {
            event.put("rawPath", path).put("rawQueryString", query);
        } else {
            ((ObjectNode) event.get("requestContext")).put("path", path);
        }
        event.put("body", body);
        String signature = sign("POST\n" + url + "\n" + deliveryId + "\n" + timestamp + "\n" + body);
        event.putObject("headers").put("x-signature", signature).put("x-timestamp", timestamp).put("webhook-id", deliveryId);

        try (LogCapture logs = LogCapture.start()) {
            GatewayResponse response = function.handle(event);
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(store.findById(id).isPresent());
            assertTrue(logs.lines().stream().anyMatch(line -> line.contains("event handled") && line.contains(deliveryId)),
                    logs.lines().toString());
        }

        event.put("body", body.replace("session.created", "session.updated"));
        assertEquals(401, function.handle(event).statusCode(), "the same headers over another body");
    }

    private static String sign(String payload) {
        return Hmac.sha256Hex(SECRET, payload, new byte[0]);
    }
}
