package io.github.vapisessionwebhook.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.vapisessionwebhook.webhook.Headers;
import io.github.vapisessionwebhook.webhook.InboundEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the three kinds of Lambda event apart: API Gateway HTTP API (payload 2.0), REST API proxy
 * (payload 1.0), and a direct invocation whose event is the Vapi body itself. A gateway event is
 * recognised by its {@code requestContext} together with a method ({@code requestContext.http.method}
 * or {@code httpMethod}); a Vapi body has neither.
 */
final class GatewayEventReader {

    private GatewayEventReader() {
    }

    static InboundEvent read(JsonNode input) {
        // An invocation with the payload `null` reaches the function as null.
        JsonNode event = input == null ? NullNode.getInstance() : input;
        JsonNode requestContext = event.path("requestContext");
        String method = text(requestContext.path("http").path("method"));
        if (method == null) {
            method = text(event.path("httpMethod"));
        }
        if (!requestContext.isObject() || method == null) {
            return new InboundEvent.DirectInvocation(event);
        }
        return new InboundEvent.HttpDelivery(
                method,
                new Headers(headers(event.path("headers"))),
                text(event.path("body")),
                event.path("isBase64Encoded").asBoolean(false),
                text(requestContext.path("requestId")));
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> values = new LinkedHashMap<>();
        headers.properties().forEach(header -> {
            if (header.getValue().isValueNode() && !header.getValue().isNull()) {
                values.put(header.getKey(), header.getValue().asText());
            }
        });
        return values;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
