package io.github.vapisessionwebhook.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Each way the webhook can be configured to authenticate, with what a genuine Vapi delivery (through
 * API Gateway) carries for it.
 */
public enum Credential {
    NONE(Map.of("vapi.webhook.auth", "none")) {
        @Override
        public void authorise(ObjectNode gatewayEvent, String secret) {
        }
    },
    BEARER(Map.of("vapi.webhook.auth", "bearer", "vapi.webhook.secret", Credential.SECRET)) {
        @Override
        public void authorise(ObjectNode gatewayEvent, String secret) {
            headers(gatewayEvent).put("authorization", "Bearer " + secret);
        }
    },
    HMAC(Map.of("vapi.webhook.auth", "hmac", "vapi.webhook.secret", Credential.SECRET)) {
        @Override
        public void authorise(ObjectNode gatewayEvent, String secret) {
            String timestamp = Long.toString(System.currentTimeMillis());
            headers(gatewayEvent).put("x-timestamp", timestamp).put("x-signature", signature(secret, timestamp, gatewayEvent));
        }
    },
    OAUTH2(Map.of("vapi.webhook.auth", "oauth2", "vapi.webhook.oauth2-issuer", Credential.ISSUER,
            "vapi.webhook.oauth2-scope", Credential.SCOPE)) {
        @Override
        public void authorise(ObjectNode gatewayEvent, String secret) {
            ObjectNode authorizer = ((ObjectNode) gatewayEvent.get("requestContext")).putObject("authorizer");
            authorizer.putObject("jwt").putObject("claims").put("iss", ISSUER).put("client_id", "vapi").put("scope", SCOPE)
                    .put("token_use", "access");
            // A REST API's Cognito authorizer puts its claims here instead.
            authorizer.putObject("claims").put("iss", ISSUER).put("client_id", "vapi").put("scope", SCOPE)
                    .put("token_use", "access");
        }
    };

    public static final String SECRET = "credential-secret-8c1d9e";
    public static final String ISSUER = "https://issuer.example.com/pool";
    public static final String SCOPE = "vapi-webhook/deliver";

    private final Map<String, String> config;

    Credential(Map<String, String> config) {
        this.config = config;
    }

    /** The function's configuration for this credential. */
    public Map<String, String> config() {
        return config;
    }

    /** Adds what Vapi (and API Gateway's authorizer) would add to this gateway event. */
    public void authorise(ObjectNode gatewayEvent) {
        authorise(gatewayEvent, SECRET);
    }

    /** The same, with {@code secret} as the credential's token or HMAC secret (bearer and HMAC). */
    public abstract void authorise(ObjectNode gatewayEvent, String secret);

    private static ObjectNode headers(ObjectNode gatewayEvent) {
        return gatewayEvent.has("headers") && gatewayEvent.get("headers").isObject()
                ? (ObjectNode) gatewayEvent.get("headers")
                : gatewayEvent.putObject("headers");
    }

    /** Vapi's default HMAC: hex SHA-256 over {@code timestamp.body}, the body's raw bytes. */
    private static String signature(String secret, String timestamp, ObjectNode gatewayEvent) {
        String carried = gatewayEvent.path("body").asText("");
        byte[] body;
        try {
            body = gatewayEvent.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(carried)
                    : carried.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "0".repeat(64);
        }
        return Hmac.sha256Hex(secret, timestamp + ".", body);
    }
}
