package io.github.vapisessionwebhook.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.Deliveries;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OAuth2: the claims API Gateway's JWT authorizer verified, checked against the configured issuer. */
class JwtClaimsAuthenticatorTest {

    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example";

    @Test
    void acceptsOnlyClaimsFromTheConfiguredIssuer() {
        JwtClaimsAuthenticator any = new JwtClaimsAuthenticator(ISSUER, Optional.empty());
        assertTrue(any.authenticate(Deliveries.withClaims(Map.of("iss", ISSUER, "client_id", "vapi", "scope", "webhook/post"))));
        assertFalse(any.authenticate(Deliveries.withClaims(Map.of())), "a route without the authorizer refuses all");
        assertFalse(any.authenticate(Deliveries.withClaims(Map.of("iss", ISSUER + "x"))));
        assertFalse(any.authenticate(Deliveries.withClaims(Map.of("iss", "https://evil.example.com"))));
    }

    @Test
    void anAudienceMatchesAudOrTheClientId() {
        JwtClaimsAuthenticator audience = new JwtClaimsAuthenticator(ISSUER, Optional.of("vapi-client"));
        assertTrue(audience.authenticate(Deliveries.withClaims(Map.of("iss", ISSUER, "client_id", "vapi-client"))));
        assertTrue(audience.authenticate(Deliveries.withClaims(Map.of("iss", ISSUER, "aud", "vapi-client"))));
        assertTrue(audience.authenticate(Deliveries.withClaims(Map.of("iss", ISSUER, "aud", "[other vapi-client]"))));
        assertFalse(audience.authenticate(Deliveries.withClaims(Map.of("iss", ISSUER, "aud", "other"))));
        assertFalse(audience.authenticate(Deliveries.withClaims(Map.of("iss", ISSUER))));
    }
}
