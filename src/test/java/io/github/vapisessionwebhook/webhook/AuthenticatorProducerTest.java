package io.github.vapisessionwebhook.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.WebhookConfigs;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up never yields an open webhook unless none was asked for. */
class AuthenticatorProducerTest {

    private final AuthenticatorProducer producer = new AuthenticatorProducer();

    private WebhookAuthenticator start(Map<String, String> properties) {
        return producer.authenticator(WebhookConfigs.of(properties), Clock.systemUTC());
    }

    @Test
    void modesThatNeedASecretFailWithoutOneNamingTheVariable() {
        for (String mode : new String[] {"bearer", "hmac"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(Map.of("vapi.webhook.auth", mode)));
            assertTrue(e.getMessage().contains("VAPI_WEBHOOK_SECRET"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> start(Map.of("vapi.webhook.auth", mode, "vapi.webhook.secret", " ")));
        }
        IllegalStateException unset = assertThrows(IllegalStateException.class, () -> start(Map.of()));
        assertTrue(unset.getMessage().contains("VAPI_WEBHOOK_AUTH"), unset.getMessage());
    }

    @Test
    void modesAreChosenAsConfigured() {
        assertInstanceOf(OpenAuthenticator.class, start(Map.of("vapi.webhook.auth", "none")));
        assertInstanceOf(BearerAuthenticator.class, start(Map.of("vapi.webhook.auth", "bearer", "vapi.webhook.secret", "s")));
        assertInstanceOf(BearerAuthenticator.class, start(Map.of("vapi.webhook.secret", "s")), "a secret alone means bearer");
        assertInstanceOf(HmacAuthenticator.class, start(Map.of("vapi.webhook.auth", "hmac", "vapi.webhook.secret", "s")));
        assertInstanceOf(JwtClaimsAuthenticator.class, start(Map.of("vapi.webhook.auth", "oauth2",
                "vapi.webhook.oauth2-issuer", "https://issuer.example.com")));
        IllegalStateException noIssuer = assertThrows(IllegalStateException.class, () -> start(Map.of("vapi.webhook.auth", "oauth2")));
        assertTrue(noIssuer.getMessage().contains("VAPI_WEBHOOK_OAUTH2_ISSUER"), noIssuer.getMessage());
        IllegalStateException badBase64 = assertThrows(IllegalStateException.class, () -> start(Map.of(
                "vapi.webhook.auth", "hmac", "vapi.webhook.secret", "%%%", "vapi.webhook.hmac-secret-base64", "true")));
        assertEquals(false, badBase64.getMessage().contains("%%%"), "the secret itself is never echoed");
    }
}
