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
 * token's signature, expiry, issuer and audience before the function is invoked, and hands over
 * the verified claims. This accepts a delivery only if it carries such claims from the configured
 * issuer (and audience, when one is set): a route deployed without the authorizer refuses all.
 */
public final class JwtClaimsAuthenticator implements WebhookAuthenticator {

    private final String issuer;
    private final Optional<String> audience;

    public JwtClaimsAuthenticator(String issuer, Optional<String> audience) {
        this.issuer = issuer;
        this.audience = audience;
    }

    @Override
    public boolean authenticate(InboundEvent.HttpDelivery delivery) {
        Map<String, String> claims = delivery.claims();
        return issuer.equals(claims.get("iss")) && audience.map(expected -> audiences(claims).contains(expected)).orElse(true);
    }

    @Override
    public InboundEvent.HttpDelivery authorise(InboundEvent.HttpDelivery unsigned) {
        Map<String, String> claims = new HashMap<>(Map.of("iss", issuer));
        audience.ifPresent(expected -> claims.put("aud", expected));
        return unsigned.withClaims(claims);
    }

    /**
     * The token's audiences: {@code aud} (a list is rendered {@code [a b]} by API Gateway), or
     * {@code client_id}, which is what client-credentials tokens such as Cognito's carry instead.
     */
    private static Set<String> audiences(Map<String, String> claims) {
        Set<String> all = new HashSet<>();
        for (String value : claims.getOrDefault("aud", "").split("[\\[\\]\\s,]+")) {
            if (!value.isEmpty()) {
                all.add(value);
            }
        }
        Optional.ofNullable(claims.get("client_id")).ifPresent(all::add);
        return all;
    }
}
