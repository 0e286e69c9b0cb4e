package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.gateway.InboundEvent;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Vapi's OAuth2 credential: API Gateway's JWT authorizer verifies the token (signature, expiry,
 * issuer, audience, scope) and hands over its claims; this accepts only claims of the configured
 * issuer that grant the configured scope (and audience), so a route without the authorizer refuses
 * all. Identity tokens ({@code token_use} other than {@code access}) say who a user is, not that
 * the caller may post: refused.
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
