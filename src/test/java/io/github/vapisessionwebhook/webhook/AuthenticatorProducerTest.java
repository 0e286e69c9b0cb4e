package io.github.vapisessionwebhook.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.Deliveries;
import io.github.vapisessionwebhook.support.WebhookConfigs;
import io.github.vapisessionwebhook.webhook.secret.SecretUnavailableException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up never yields an open webhook unless none was asked for. */
class AuthenticatorProducerTest {

    private final AuthenticatorProducer producer = new AuthenticatorProducer(new ExecutionInterceptor() {
        });

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
        IllegalStateException both = assertThrows(IllegalStateException.class, () -> start(Map.of("vapi.webhook.auth",
                "bearer", "vapi.webhook.secret", "s", "vapi.webhook.secret-id", "vapi/webhook")));
        assertTrue(both.getMessage().contains("VAPI_WEBHOOK_SECRET_ID"), both.getMessage());
    }

    /** Deployed, a Secrets Manager outage at start-up must not crash init: deliveries get 503 until it is readable. */
    @Test
    void aSecretIdThatCannotBeReadAtStartUpStartsAndAnswersUnavailable() {
        Map<String, String> sdk = Map.of("aws.endpointUrlSecretsManager", "http://127.0.0.1:9", "aws.region", "us-east-1",
                "aws.accessKeyId", "local", "aws.secretAccessKey", "local");
        sdk.forEach(System::setProperty);
        try {
            WebhookAuthenticator bearer = start(Map.of("vapi.webhook.secret-id", "vapi/webhook"));
            assertInstanceOf(BearerAuthenticator.class, bearer, "a secret id alone means bearer");
            SecretUnavailableException e = assertThrows(SecretUnavailableException.class,
                    () -> bearer.authenticate(Deliveries.post(Map.of("Authorization", "Bearer x"), new byte[0])));
            assertTrue(e.getMessage().contains("no answer from Secrets Manager: ConnectException"),
                    "the SDK's standard endpoint setting reaches the client: " + e.getMessage());
        } finally {
            sdk.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void modesAreChosenAsConfigured() {
        assertInstanceOf(OpenAuthenticator.class, start(Map.of("vapi.webhook.auth", "none")));
        assertInstanceOf(BearerAuthenticator.class, start(Map.of("vapi.webhook.auth", "bearer", "vapi.webhook.secret", "s")));
        assertInstanceOf(BearerAuthenticator.class, start(Map.of("vapi.webhook.secret", "s")), "a secret alone means bearer");
        assertInstanceOf(HmacAuthenticator.class, start(Map.of("vapi.webhook.auth", "hmac", "vapi.webhook.secret", "s")));
        assertInstanceOf(JwtClaimsAuthenticator.class, start(Map.of("vapi.webhook.auth", "oauth2",
                "vapi.webhook.oauth2-issuer", "https://issuer.example.com", "vapi.webhook.oauth2-scope", "vapi-webhook/deliver")));
        IllegalStateException noScope = assertThrows(IllegalStateException.class, () -> start(Map.of("vapi.webhook.auth",
                "oauth2", "vapi.webhook.oauth2-issuer", "https://issuer.example.com")));
        assertTrue(noScope.getMessage().contains("VAPI_WEBHOOK_OAUTH2_SCOPE"), noScope.getMessage());
        IllegalStateException noIssuer = assertThrows(IllegalStateException.class, () -> start(Map.of("vapi.webhook.auth", "oauth2")));
        assertTrue(noIssuer.getMessage().contains("VAPI_WEBHOOK_OAUTH2_ISSUER"), noIssuer.getMessage());
        IllegalStateException badBase64 = assertThrows(IllegalStateException.class, () -> start(Map.of(
                "vapi.webhook.auth", "hmac", "vapi.webhook.secret", "%%%", "vapi.webhook.hmac-secret-base64", "true")));
        assertEquals(false, badBase64.getMessage().contains("%%%"), "the secret itself is never echoed");
    }
}
