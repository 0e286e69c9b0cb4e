package io.github.vapisessionwebhook.support;

import io.github.vapisessionwebhook.gateway.Headers;
import io.github.vapisessionwebhook.gateway.InboundEvent;
import io.github.vapisessionwebhook.gateway.RequestBody;
import java.util.Base64;
import java.util.Map;

/** Gateway deliveries built directly, for testing the webhook's decisions without the function. */
public final class Deliveries {

    public static final String URL = "https://abcd1234.execute-api.us-east-1.amazonaws.com/webhook";

    private Deliveries() {
    }

    /** A POST of exactly these body bytes (carried base64-encoded, as the gateway does for binary). */
    public static InboundEvent.HttpDelivery post(Map<String, String> headers, byte[] body) {
        return new InboundEvent.HttpDelivery("POST", new Headers(headers),
                RequestBody.of(Base64.getEncoder().encodeToString(body), true), "req-1", URL, Map.of());
    }

    /** A POST with no headers, carrying the claims of a JWT authorizer. */
    public static InboundEvent.HttpDelivery withClaims(Map<String, String> claims) {
        return new InboundEvent.HttpDelivery("POST", new Headers(Map.of()), RequestBody.of("{}", false), "req-1", URL,
                claims);
    }
}
