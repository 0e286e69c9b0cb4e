package io.github.vapisessionwebhook.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.Deliveries;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OAuth2: the claims API Gateway's JWT authorizer verified, checked against the configured issuer, scope and audience. */
class JwtClaimsAuthenticatorTest {

    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example";
    private static final String SCOPE = "vapi-webhook/deliver";

    /** An access token of the issuer for Vapi's client, granting the webhook's scope, with {@code changes}. */
    private static boolean accepts(JwtClaimsAuthenticator authenticator, Map<String, String> changes) {
        Map<String, String> claims = new HashMap<>(Map.of("iss", ISSUER, "client_id", "vapi-client", "scope", SCOPE,
                "token_use", "access"));
        claims.putAll(changes);
        claims.values().removeIf(String::isEmpty);
        return authenticator.authenticate(Deliveries.withClaims(claims));
    }

    @Test
    void acceptsOnlyClaimsFromTheConfiguredIssuer() {
        JwtClaimsAuthenticator any = new JwtClaimsAuthenticator(ISSUER, Optional.empty(), SCOPE);
        assertTrue(accepts(any, Map.of()));
        assertFalse(any.authenticate(Deliveries.withClaims(Map.of())), "a route without the authorizer refuses all");
        assertFalse(accepts(any, Map.of("iss", ISSUER + "x")));
        assertFalse(accepts(any, Map.of("iss", "https://evil.example.com")));
    }

    @Test
    void anAudienceMatchesAudOrTheClientId() {
        JwtClaimsAuthenticator audience = new JwtClaimsAuthenticator(ISSUER, Optional.of("vapi-client"), SCOPE);
        assertTrue(accepts(audience, Map.of()));
        assertTrue(accepts(audience, Map.of("client_id", "", "aud", "vapi-client")));
        assertTrue(accepts(audience, Map.of("client_id", "", "aud", "[other vapi-client]")));
        assertFalse(accepts(audience, Map.of("client_id", "", "aud", "other")));
        assertFalse(accepts(audience, Map.of("client_id", "")));
    }

    /** Another client of the same authorization server, with a token for other purposes, cannot post. */
    @Test
    void theTokenMustGrantTheWebhooksScope() {
        JwtClaimsAuthenticator scoped = new JwtClaimsAuthenticator(ISSUER, Optional.empty(), SCOPE);
        assertTrue(accepts(scoped, Map.of("scope", "openid " + SCOPE + " profile")));
        assertTrue(accepts(scoped, Map.of("scope", "", "scp", "[" + SCOPE + " other]")), "Okta and Entra ID use scp");
        assertTrue(accepts(scoped, Map.of("scope", "", "scp", SCOPE)));
        assertFalse(accepts(scoped, Map.of("scope", "")), "no scope at all");
        assertFalse(accepts(scoped, Map.of("scope", "reports/read")));
        assertFalse(accepts(scoped, Map.of("scope", SCOPE + "x")), "a scope is matched whole");
        assertFalse(accepts(scoped, Map.of("scope", "vapi-webhook")));
    }

    /** Cognito marks identity tokens token_use=id: they say who a user is, not that the caller may post here. */
    @Test
    void identityTokensAreRefused() {
        JwtClaimsAuthenticator scoped = new JwtClaimsAuthenticator(ISSUER, Optional.of("vapi-client"), SCOPE);
        assertFalse(accepts(scoped, Map.of("token_use", "id", "client_id", "", "aud", "vapi-client")));
        assertFalse(accepts(scoped, Map.of("token_use", "refresh")));
        assertTrue(accepts(scoped, Map.of("token_use", "")), "providers that do not mark tokens: the scope decides");
    }
}
