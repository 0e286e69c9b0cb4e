package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.gateway.Headers;
import io.github.vapisessionwebhook.gateway.InboundEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Vapi's bearer credential: {@code Authorization: Bearer <token>} (header and prefix configurable),
 * or the legacy {@code X-Vapi-Secret: <token>}. Compared in constant time.
 */
public final class BearerAuthenticator implements WebhookAuthenticator {

    static final String LEGACY_HEADER = "X-Vapi-Secret";

    private final byte[] secret;
    private final String header;
    private final String prefix;
    private final boolean acceptLegacyHeader;

    public BearerAuthenticator(String secret, String header, String prefix, boolean acceptLegacyHeader) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.header = header;
        this.prefix = prefix;
        this.acceptLegacyHeader = acceptLegacyHeader;
    }

    @Override
    public boolean authenticate(InboundEvent.HttpDelivery delivery) {
        Headers headers = delivery.headers();
        boolean viaHeader = headers.get(header).map(this::withoutPrefix).map(this::matches).orElse(false);
        boolean viaLegacy = acceptLegacyHeader && headers.get(LEGACY_HEADER).map(String::trim).map(this::matches).orElse(false);
        return viaHeader | viaLegacy;
    }

    @Override
    public InboundEvent.HttpDelivery authorise(InboundEvent.HttpDelivery unsigned) {
        return unsigned.withHeader(header, prefix + new String(secret, StandardCharsets.UTF_8));
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

    private boolean matches(String candidate) {
        return Optional.ofNullable(candidate)
                .map(value -> MessageDigest.isEqual(secret, value.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}
