package io.github.vapisessionwebhook.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code vapi.webhook.*}: what the function accepts and from whom. */
@ConfigMapping(prefix = "vapi.webhook")
public interface WebhookConfig {

    /** Largest accepted body in bytes, after base64 decoding ({@code VAPI_WEBHOOK_MAX_BODY_BYTES}). */
    @WithDefault("1048576")
    int maxBodyBytes();

    /**
     * {@code VAPI_WEBHOOK_AUTH}: {@code bearer}, {@code hmac} or {@code none}. No default when
     * deployed: unset means {@code bearer} if a secret is configured, else start-up fails.
     */
    Optional<AuthMode> auth();

    /** {@code VAPI_WEBHOOK_SECRET}: the Vapi webhook credential's token or HMAC secret. */
    Optional<String> secret();

    /** {@code VAPI_WEBHOOK_BEARER_HEADER}: where the bearer token travels. */
    @WithDefault("Authorization")
    String bearerHeader();

    /** {@code VAPI_WEBHOOK_BEARER_PREFIX}: what precedes the token in that header. */
    @WithDefault("Bearer ")
    String bearerPrefix();

    /** {@code VAPI_WEBHOOK_LEGACY_SECRET_HEADER}: Vapi's legacy {@code X-Vapi-Secret: <token>} form, accepted too. */
    @WithDefault("true")
    boolean legacySecretHeader();

    /** {@code VAPI_WEBHOOK_HMAC_ALGORITHM}: {@code sha256}, {@code sha512} or {@code sha1}. */
    @WithDefault("sha256")
    HmacAlgorithm hmacAlgorithm();

    @WithDefault("x-signature")
    String hmacSignatureHeader();

    @WithDefault("x-timestamp")
    String hmacTimestampHeader();

    /** What is signed; {@code {timestamp}} and {@code {body}} are replaced by the header and the raw body. */
    @WithDefault("{timestamp}.{body}")
    String hmacPayloadTemplate();

    /** Text before the signature in its header, e.g. {@code sha256=}. */
    Optional<String> hmacSignaturePrefix();

    @WithDefault("hex")
    SignatureEncoding hmacEncoding();

    /** Whether {@code VAPI_WEBHOOK_SECRET} is given base64-encoded. */
    @WithDefault("false")
    boolean hmacSecretBase64();

    /** How far a signed timestamp may be from now, either way, before the request is a replay. */
    @WithDefault("PT5M")
    Duration hmacTolerance();

    enum AuthMode {
        bearer,
        hmac,
        none
    }

    enum HmacAlgorithm {
        sha256("HmacSHA256"),
        sha512("HmacSHA512"),
        sha1("HmacSHA1");

        private final String jcaName;

        HmacAlgorithm(String jcaName) {
            this.jcaName = jcaName;
        }

        public String jcaName() {
            return jcaName;
        }
    }

    enum SignatureEncoding {
        hex,
        base64
    }
}
