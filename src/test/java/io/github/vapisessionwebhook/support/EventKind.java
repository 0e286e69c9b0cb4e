package io.github.vapisessionwebhook.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** The three ways an event reaches the function, built as Lambda delivers them. */
public enum EventKind {
    /** API Gateway HTTP API, payload format 2.0 (header names lower-cased). */
    HTTP_API {
        @Override
        public String event(String method, Map<String, String> headers, String body, boolean base64) {
            ObjectNode event = Payloads.event("http-api-session-created.json");
            ((ObjectNode) event.get("requestContext").get("http")).put("method", method);
            ObjectNode headerNode = event.putObject("headers");
            headers.forEach((name, value) -> headerNode.put(name.toLowerCase(Locale.ROOT), value));
            return withBody(event, body, base64);
        }
    },
    /** API Gateway REST API proxy, payload format 1.0 (header names as sent). */
    REST_API {
        @Override
        public String event(String method, Map<String, String> headers, String body, boolean base64) {
            ObjectNode event = Payloads.event("rest-api-session-updated.json");
            event.put("httpMethod", method);
            ((ObjectNode) event.get("requestContext")).put("httpMethod", method);
            ObjectNode headerNode = event.putObject("headers");
            headers.forEach(headerNode::put);
            event.remove("multiValueHeaders");
            return withBody(event, body, base64);
        }
    },
    /** A direct invocation: the event is the Vapi body itself (so it can only be JSON). */
    DIRECT {
        @Override
        public String event(String method, Map<String, String> headers, String body, boolean base64) {
            return body;
        }
    };

    /** The Lambda event text for a request of {@code method} with {@code body}. */
    public abstract String event(String method, Map<String, String> headers, String body, boolean base64);

    /** The Lambda event text for a plain JSON POST of {@code body}. */
    public String post(String body) {
        return event("POST", Map.of("Content-Type", "application/json"), body, false);
    }

    public boolean isGateway() {
        return this != DIRECT;
    }

    private static String withBody(ObjectNode event, String body, boolean base64) {
        if (body == null) {
            event.putNull("body");
        } else {
            event.put("body", base64
                    ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                    : body);
        }
        event.put("isBase64Encoded", base64);
        return Payloads.text(event);
    }
}
