package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.webhook.secret.FixedSecret;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.Deliveries;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BearerAuthenticatorTest {

    private static final byte[] BODY = "{}".getBytes();
    private final BearerAuthenticator authenticator = new BearerAuthenticator(new FixedSecret("s3cret-token"), "Authorization", "Bearer ", true);

    private boolean accepts(Map<String, String> headers) {
        return authenticator.authenticate(Deliveries.post(headers, BODY));
    }

    @Test
    void acceptsTheTokenInEitherVapiForm() {
        assertTrue(accepts(Map.of("Authorization", "Bearer s3cret-token")));
        assertTrue(accepts(Map.of("authorization", "bearer s3cret-token")));
        assertTrue(accepts(Map.of("AUTHORIZATION", "Bearer  s3cret-token ")));
        assertTrue(accepts(Map.of("X-Vapi-Secret", "s3cret-token")));
        assertTrue(accepts(Map.of("x-vapi-secret", "s3cret-token")));
    }

    @Test
    void refusesEverythingElse() {
        assertFalse(accepts(Map.of()));
        assertFalse(accepts(Map.of("Authorization", "Bearer wrong")));
        assertFalse(accepts(Map.of("Authorization", "s3cret-token")), "prefix missing");
        assertFalse(accepts(Map.of("Authorization", "Basic s3cret-token")));
        assertFalse(accepts(Map.of("Authorization", "Bearer s3cret-token-and-more")));
        assertFalse(accepts(Map.of("Authorization", "Bearer s3cret-toke")));
        assertFalse(accepts(Map.of("X-Vapi-Secret", "Bearer s3cret-token")));
        assertFalse(accepts(Map.of("X-Api-Key", "s3cret-token")), "secret in the wrong header");
        assertFalse(accepts(Map.of("Authorization", "Bearer ")));
    }

    @Test
    void customHeaderWithoutPrefixAndNoLegacy() {
        BearerAuthenticator custom = new BearerAuthenticator(new FixedSecret("tok"), "X-Webhook-Token", "", false);
        assertTrue(custom.authenticate(Deliveries.post(Map.of("x-webhook-token", "tok"), BODY)));
        assertFalse(custom.authenticate(Deliveries.post(Map.of("X-Vapi-Secret", "tok"), BODY)));
        assertFalse(custom.authenticate(Deliveries.post(Map.of("Authorization", "Bearer tok"), BODY)));
    }
}
