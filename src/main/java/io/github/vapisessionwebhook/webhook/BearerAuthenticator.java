package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.gateway.Headers;
import io.github.vapisessionwebhook.gateway.InboundEvent;
import io.github.vapisessionwebhook.webhook.secret.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Vapi's bearer credential: {@code Authorization: Bearer <token>} (header and prefix configurable),
 * or the legacy {@code X-Vapi-Secret: <token>}. Compared in constant time with every accepted
 * secret (during a rotation's grace period, the previous one too).
 */
public final class BearerAuthenticator implements WebhookAuthenticator {

    static final String LEGACY_HEADER = "X-Vapi-Secret";

    private final WebhookSecret secret;
    private final String header;
    private final String prefix;
    private final boolean acceptLegacyHeader;

    public BearerAuthenticator(WebhookSecret secret, String header, String prefix, boolean acceptLegacyHeader) {
        this.secret = secret;
        this.header = header;
        this.prefix = prefix;
        this.acceptLegacyHeader = acceptLegacyHeader;
    }

    @Override
    public boolean presentsCredential(InboundEvent.HttpDelivery delivery) {
        return !tokens(delivery.headers()).isEmpty();
    }

    @Override
    public boolean authenticate(InboundEvent.HttpDelivery delivery) {
        List<String> tokens = tokens(delivery.headers());
        if (tokens.isEmpty()) {
            return false;
        }
        List<String> accepted = secret.accepted();
        boolean matched = false;
        for (String token : tokens) {
            matched |= matches(token, accepted);
        }
        return matched;
    }

    /** The tokens the delivery presents: the configured header's (with its scheme), and the legacy header's. */
    private List<String> tokens(Headers headers) {
        List<String> tokens = new ArrayList<>(2);
        headers.get(header).map(this::withoutPrefix).filter(token -> !token.isEmpty()).ifPresent(tokens::add);
        if (acceptLegacyHeader) {
            headers.get(LEGACY_HEADER).map(String::trim).filter(token -> !token.isEmpty()).ifPresent(tokens::add);
        }
        return tokens;
    }

    @Override
    public boolean refresh() {
        return secret.refresh();
    }

    private String withoutPrefix(String value) {
        String trimmed = value.trim();
        String expected = prefix.trim();
        if (expected.isEmpty()) {
            return trimmed;
        }
        // The scheme word is case-insensitive in HTTP ("bearer" is as good as "Bearer").
        if (trimmed.length() > expected.length() && trimmed.regionMatches(true, 0, expected, 0, expected.length())) {
            return trimmed.substring(expected.length()).trim();
        }
        return null;
    }

    private static boolean matches(String candidate, List<String> accepted) {
        byte[] received = candidate.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String token : accepted) {
            matched |= MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), received);
        }
        return matched;
    }
}
