package io.github.vapisessionwebhook.webhook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Vapi's HMAC credential: a signature over a payload built from a template (default
 * {@code {timestamp}.{body}}) with the raw body bytes, never re-serialised JSON. When the template
 * signs the timestamp, a timestamp outside the tolerance window is refused, so a captured request
 * cannot be replayed later.
 */
public final class HmacAuthenticator implements WebhookAuthenticator {

    private static final String TIMESTAMP = "{timestamp}";
    private static final String BODY = "{body}";
    /** Epoch values above this are milliseconds, below it seconds (10^11 s is the year 5138). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private final SecretKeySpec key;
    private final String algorithm;
    private final String signatureHeader;
    private final String timestampHeader;
    private final String template;
    private final String prefix;
    private final WebhookConfig.SignatureEncoding encoding;
    private final Duration tolerance;
    private final Clock clock;

    public HmacAuthenticator(byte[] secret, WebhookConfig config, Clock clock) {
        this.algorithm = config.hmacAlgorithm().jcaName();
        this.key = new SecretKeySpec(secret, algorithm);
        this.signatureHeader = config.hmacSignatureHeader();
        this.timestampHeader = config.hmacTimestampHeader();
        this.template = config.hmacPayloadTemplate();
        this.prefix = config.hmacSignaturePrefix().orElse("");
        this.encoding = config.hmacEncoding();
        this.tolerance = config.hmacTolerance();
        this.clock = clock;
        if (!template.contains(BODY)) {
            throw new IllegalArgumentException("VAPI_WEBHOOK_HMAC_PAYLOAD_TEMPLATE must contain {body}");
        }
    }

    @Override
    public boolean authenticate(Headers headers, byte[] body) {
        Optional<String> signature = headers.get(signatureHeader).map(String::trim);
        Optional<String> timestamp = headers.get(timestampHeader).map(String::trim);
        if (signature.isEmpty()) {
            return false;
        }
        if (template.contains(TIMESTAMP) && (timestamp.isEmpty() || !isFresh(timestamp.get()))) {
            return false;
        }
        String expected = prefix + encode(sign(payload(timestamp.orElse(""), body)));
        return constantTimeEquals(expected, signature.get());
    }

    private boolean isFresh(String timestamp) {
        Instant signedAt;
        try {
            long value = Long.parseLong(timestamp);
            signedAt = value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        } catch (NumberFormatException e) {
            return false;
        }
        return Duration.between(signedAt, clock.instant()).abs().compareTo(tolerance) <= 0;
    }

    private byte[] payload(String timestamp, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + template.length() + timestamp.length());
        int position = 0;
        while (position < template.length()) {
            int nextTimestamp = template.indexOf(TIMESTAMP, position);
            int nextBody = template.indexOf(BODY, position);
            int next = nextTimestamp < 0 ? nextBody : nextBody < 0 ? nextTimestamp : Math.min(nextTimestamp, nextBody);
            if (next < 0) {
                out.writeBytes(template.substring(position).getBytes(StandardCharsets.UTF_8));
                break;
            }
            out.writeBytes(template.substring(position, next).getBytes(StandardCharsets.UTF_8));
            if (next == nextBody) {
                out.writeBytes(body);
                position = next + BODY.length();
            } else {
                out.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
                position = next + TIMESTAMP.length();
            }
        }
        return out.toByteArray();
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable: " + algorithm, e);
        }
    }

    private String encode(byte[] signature) {
        return encoding == WebhookConfig.SignatureEncoding.hex
                ? HexFormat.of().formatHex(signature)
                : Base64.getEncoder().encodeToString(signature);
    }

    private boolean constantTimeEquals(String expected, String received) {
        // Hex digits may arrive in either case; base64 is case-sensitive.
        String a = encoding == WebhookConfig.SignatureEncoding.hex ? expected.toLowerCase(Locale.ROOT) : expected;
        String b = encoding == WebhookConfig.SignatureEncoding.hex ? received.toLowerCase(Locale.ROOT) : received;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
