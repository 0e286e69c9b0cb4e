package io.github.vapisessionwebhook.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code vapi.webhook.*}: what the function accepts and from whom. */
@ConfigMapping(prefix = "vapi.webhook")
public interface WebhookConfig {

    /**
     * Largest accepted body in bytes, after base64 decoding ({@code VAPI_WEBHOOK_MAX_BODY_BYTES}). The
     * default is Lambda's 6 MiB request payload: a long chat's {@code session.updated} carries its
     * messages, and whatever Lambda could deliver is accepted.
     */
    @WithDefault("6291456")
    int maxBodyBytes();

    /**
     * {@code VAPI_WEBHOOK_AUTH}: {@code bearer}, {@code hmac}, {@code oauth2} or {@code none}. No
     * default when deployed: unset means {@code bearer} if a secret is configured, else start-up fails.
     */
    Optional<AuthMode> auth();

    /**
     * {@code VAPI_WEBHOOK_SECRET}: the Vapi webhook credential's token or HMAC secret, fixed (dev,
     * tests, {@code sam local}). Deployed, {@link #secretId()} reads it from Secrets Manager instead.
     */
    Optional<String> secret();

    /** {@code VAPI_WEBHOOK_SECRET_ID}: name or ARN of the Secrets Manager secret holding it (SecretString). */
    Optional<String> secretId();

    /** {@code VAPI_WEBHOOK_SECRET_CACHE}: how long a read of the secret is used before it is read again. */
    @WithDefault("PT5M")
    Duration secretCache();

    /** {@code VAPI_WEBHOOK_SECRET_REFRESH_INTERVAL}: at most one re-read per interval after refused deliveries. */
    @WithDefault("PT5S")
    Duration secretRefreshInterval();

    /** {@code VAPI_WEBHOOK_SECRET_GRACE}: how long after a rotation's new version was created the previous one is accepted. */
    @WithDefault("PT1H")
    Duration secretGrace();

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

    /**
     * The credential's {@code payloadFormat}: what is signed, with Vapi's placeholders {@code {body}}
     * (the raw body), {@code {timestamp}}, {@code {method}}, {@code {url}} and {@code {svix-id}}.
     * Unset: {@code {timestamp}.{body}}, or {@code {body}} without a timestamp.
     */
    Optional<String> hmacPayloadTemplate();

    /** The credential's {@code includeTimestamp}: whether Vapi sends and signs a timestamp. */
    @WithDefault("true")
    boolean hmacIncludeTimestamp();

    /** The credential's {@code messageIdHeader}: the header carrying the delivery id ({@code {svix-id}}). */
    Optional<String> hmacMessageIdHeader();

    /**
     * {@code VAPI_WEBHOOK_URL}: the Server URL exactly as configured in Vapi, signed as {@code {url}}.
     * Unset, the URL is rebuilt from the gateway event (see the README).
     */
    Optional<String> url();

    /** {@code VAPI_WEBHOOK_OAUTH2_ISSUER}: the token issuer API Gateway's JWT authorizer checks. */
    Optional<String> oauth2Issuer();

    /** {@code VAPI_WEBHOOK_OAUTH2_AUDIENCE}: the audience (or client id) the token must carry, if any. */
    Optional<String> oauth2Audience();

    /**
     * {@code VAPI_WEBHOOK_OAUTH2_SCOPE}: the scope an access token must grant (the one Vapi's OAuth2
     * credential asks for), so that other clients of the same authorization server cannot post.
     */
    Optional<String> oauth2Scope();

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
        oauth2,
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
