package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.gateway.Headers;
import io.github.vapisessionwebhook.gateway.InboundEvent;
import io.github.vapisessionwebhook.webhook.HmacPayloadTemplate.Placeholder;
import io.github.vapisessionwebhook.webhook.secret.SecretUnavailableException;
import io.github.vapisessionwebhook.webhook.secret.WebhookSecret;
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
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Vapi's HMAC credential ({@code HMACAuthenticationPlan}): a signature over its {@code payloadFormat}
 * with the raw body bytes. A signed timestamp outside the tolerance is refused (no replay); any
 * header that is not what a valid signature needs is a refusal, never an error. Every accepted
 * secret is tried (in a rotation's grace period, the previous one too).
 */
public final class HmacAuthenticator implements WebhookAuthenticator {

    private static final Logger LOG = Logger.getLogger(HmacAuthenticator.class);

    static final String TEMPLATE_SETTING = "VAPI_WEBHOOK_HMAC_PAYLOAD_TEMPLATE";
    /** Epoch values above this are milliseconds, below it seconds (10^11 s is the year 5138). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    /** Epoch seconds or milliseconds: digits only, no sign, no exponent, at most 18 of them. */
    private static final Pattern EPOCH = Pattern.compile("[0-9]{1,18}");
    /** What a delivery id may look like to be logged (Svix's are {@code msg_} and 27 characters). */
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private final WebhookSecret secret;
    private final boolean secretIsBase64;
    private final String algorithm;
    private final String signatureHeader;
    private final String timestampHeader;
    private final String messageIdHeader;
    private final HmacPayloadTemplate template;
    private final Optional<String> url;
    private final String prefix;
    private final WebhookConfig.SignatureEncoding encoding;
    private final Duration tolerance;
    private final Clock clock;

    /** @throws IllegalStateException naming the setting when the configuration cannot match Vapi's signatures */
    public HmacAuthenticator(WebhookSecret secret, WebhookConfig config, Clock clock) {
        this.algorithm = config.hmacAlgorithm().jcaName();
        this.secret = secret;
        this.secretIsBase64 = config.hmacSecretBase64();
        this.signatureHeader = config.hmacSignatureHeader();
        this.timestampHeader = config.hmacTimestampHeader();
        this.messageIdHeader = config.hmacMessageIdHeader().orElse(null);
        this.url = config.url();
        this.prefix = config.hmacSignaturePrefix().orElse("");
        this.encoding = config.hmacEncoding();
        this.tolerance = config.hmacTolerance();
        this.clock = clock;
        this.template = HmacPayloadTemplate.parse(config.hmacPayloadTemplate()
                .orElse(config.hmacIncludeTimestamp() ? "{timestamp}.{body}" : "{body}"), TEMPLATE_SETTING);
        if (!template.uses(Placeholder.BODY)) {
            throw new IllegalStateException(TEMPLATE_SETTING + " must contain {body}: a signature that does not "
                    + "cover the body authenticates nothing about it");
        }
        if (template.uses(Placeholder.TIMESTAMP) && !config.hmacIncludeTimestamp()) {
            throw new IllegalStateException(TEMPLATE_SETTING + " signs {timestamp} but "
                    + "VAPI_WEBHOOK_HMAC_INCLUDE_TIMESTAMP=false: Vapi sends no timestamp to sign");
        }
        if (template.uses(Placeholder.MESSAGE_ID) && messageIdHeader == null) {
            throw new IllegalStateException(TEMPLATE_SETTING + " signs {svix-id} but "
                    + "VAPI_WEBHOOK_HMAC_MESSAGE_ID_HEADER is not set (the credential's messageIdHeader)");
        }
        if (!template.uses(Placeholder.TIMESTAMP)) {
            LOG.warn(TEMPLATE_SETTING + " does not sign {timestamp}: a captured request can be replayed");
        }
    }

    @Override
    public boolean presentsCredential(InboundEvent.HttpDelivery delivery) {
        return signed(delivery).isPresent();
    }

    @Override
    public boolean authenticate(InboundEvent.HttpDelivery delivery) {
        Optional<Signed> signed = signed(delivery);
        if (signed.isEmpty()) {
            return false;
        }
        Signed parts = signed.get();
        boolean matched = false;
        for (String accepted : secret.accepted()) {
            matched |= constantTimeEquals(signature(key(accepted), delivery, parts.body(), parts.timestamp(), parts.messageId()),
                    parts.signature());
        }
        return matched;
    }

    /** What a signed delivery carries besides its signature's secret. */
    private record Signed(String signature, byte[] body, String timestamp, String messageId) {
    }

    /**
     * The signature and everything it signs, or empty when the delivery lacks any of them: no
     * signature, a body that cannot be decoded (so cannot have been signed), a signed timestamp
     * missing or outside the tolerance, a signed delivery id or URL missing.
     */
    private Optional<Signed> signed(InboundEvent.HttpDelivery delivery) {
        Headers headers = delivery.headers();
        Optional<String> signature = headers.get(signatureHeader).map(String::trim).filter(value -> !value.isEmpty());
        Optional<byte[]> body = delivery.body().bytes();
        if (signature.isEmpty() || body.isEmpty()) {
            return Optional.empty();
        }
        String timestamp = null;
        if (template.uses(Placeholder.TIMESTAMP)) {
            timestamp = headers.get(timestampHeader).map(String::trim).filter(this::isFresh).orElse(null);
            if (timestamp == null) {
                return Optional.empty();
            }
        }
        String messageId = template.uses(Placeholder.MESSAGE_ID) ? headers.get(messageIdHeader).orElse(null) : null;
        String signedUrl = url.orElse(delivery.url());
        if ((template.uses(Placeholder.MESSAGE_ID) && messageId == null) || (template.uses(Placeholder.URL) && signedUrl == null)) {
            return Optional.empty();
        }
        return Optional.of(new Signed(signature.get(), body.get(), timestamp, messageId));
    }

    @Override
    public boolean refresh() {
        return secret.refresh();
    }

    /**
     * The HMAC key a secret stands for: its UTF-8 bytes, or its base64 decoding with
     * {@code VAPI_WEBHOOK_HMAC_SECRET_BASE64=true}.
     *
     * @throws SecretUnavailableException when the secret is not valid base64 though it should be
     */
    public static byte[] keyBytes(String secret, boolean base64) {
        if (!base64) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(secret.trim());
        } catch (IllegalArgumentException e) {
            throw new SecretUnavailableException("the webhook secret is not valid base64 (VAPI_WEBHOOK_HMAC_SECRET_BASE64=true)");
        }
    }

    private SecretKeySpec key(String accepted) {
        return new SecretKeySpec(keyBytes(accepted, secretIsBase64), algorithm);
    }

    /** The signature header's value Vapi sends for this delivery with this key, prefix included. */
    private String signature(SecretKeySpec key, InboundEvent.HttpDelivery delivery, byte[] body, String timestamp,
            String messageId) {
        byte[] payload = template.render(new HmacPayloadTemplate.Values(body, timestamp, delivery.method(),
                url.orElse(delivery.url()), messageId));
        return prefix + encode(sign(key, payload));
    }

    /** The credential's {@code messageIdHeader}, when it names one and its value is a plain id. */
    @Override
    public Optional<String> deliveryId(InboundEvent.HttpDelivery delivery) {
        return messageIdHeader == null ? Optional.empty()
                : delivery.headers().get(messageIdHeader).map(String::trim).filter(id -> DELIVERY_ID.matcher(id).matches());
    }

    private boolean isFresh(String timestamp) {
        if (!EPOCH.matcher(timestamp).matches()) {
            return false;
        }
        long value = Long.parseLong(timestamp);
        Instant signedAt = value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        return Duration.between(signedAt, clock.instant()).abs().compareTo(tolerance) <= 0;
    }

    private byte[] sign(SecretKeySpec key, byte[] payload) {
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
