package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.gateway.InboundEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Vapi's OAuth2 credential: Vapi obtains a token from the configured token URL (client credentials)
 * and sends it as a bearer token. API Gateway's JWT authorizer, in front of the route, verifies the
 * token's signature, expiry, issuer, audience and scope before the function is invoked, and hands
 * over the verified claims. This accepts a delivery only if it carries such claims from the
 * configured issuer, granting the configured scope (and for the audience, when one is set): a route
 * deployed without the authorizer refuses all. An identity token ({@code token_use} other than
 * {@code access}, as Cognito marks them) is refused: it proves who a user is, not that the caller
 * may post here.
 */
public final class JwtClaimsAuthenticator implements WebhookAuthenticator {

    private final String issuer;
    private final Optional<String> audience;
    private final String scope;

    public JwtClaimsAuthenticator(String issuer, Optional<String> audience, String scope) {
        this.issuer = issuer;
        this.audience = audience;
        this.scope = scope;
    }

    @Override
    public boolean authenticate(InboundEvent.HttpDelivery delivery) {
        Map<String, String> claims = delivery.claims();
        return issuer.equals(claims.get("iss"))
                && "access".equals(claims.getOrDefault("token_use", "access"))
                && (values(claims.get("scope")).contains(scope) || values(claims.get("scp")).contains(scope))
                && audience.map(expected -> values(claims.get("aud")).contains(expected) || expected.equals(claims.get("client_id")))
                        .orElse(true);
    }

    /**
     * The values of a claim that may hold several: space-separated ({@code scope}), or a list, which
     * API Gateway renders as {@code [a b]} ({@code aud}, {@code scp}).
     */
    private static Set<String> values(String claim) {
        Set<String> all = new HashSet<>();
        for (String value : claim == null ? new String[0] : claim.split("[\\[\\]\\s,]+")) {
            if (!value.isEmpty()) {
                all.add(value);
            }
        }
        return all;
    }
}
