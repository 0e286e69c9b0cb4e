package io.github.vapisessionwebhook.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code vapi.webhook.*} ({@code VAPI_WEBHOOK_*}): what the function accepts and from whom; docs/configuration.md. */
@ConfigMapping(prefix = "vapi.webhook")
public interface WebhookConfig {

    /** Largest body, after base64 decoding: by default whatever fits Lambda's 6 MiB payload (a long chat's). */
    @WithDefault("6291456")
    int maxBodyBytes();

    /** Unset: {@code bearer} if a secret is configured, else start-up fails (never open by default). */
    Optional<AuthMode> auth();

    /** The credential's token or HMAC secret, fixed (dev, tests, sam local); deployed, {@link #secretId()}. */
    Optional<String> secret();

    /** Name or ARN of the Secrets Manager secret holding it (SecretString). */
    Optional<String> secretId();

    /** how long a read of the secret is used before it is read again. */
    @WithDefault("PT5M")
    Duration secretCache();

    /** at most one re-read per interval after refused deliveries. */
    @WithDefault("PT5S")
    Duration secretRefreshInterval();

    /** how long after a rotation's new version was created the previous one is accepted. */
    @WithDefault("PT1H")
    Duration secretGrace();

    /** where the bearer token travels. */
    @WithDefault("Authorization")
    String bearerHeader();

    /** what precedes the token in that header. */
    @WithDefault("Bearer ")
    String bearerPrefix();

    /** Vapi's legacy {@code X-Vapi-Secret: <token>} form, accepted too. */
    @WithDefault("true")
    boolean legacySecretHeader();

    /** {@code sha256}, {@code sha512} or {@code sha1}. */
    @WithDefault("sha256")
    HmacAlgorithm hmacAlgorithm();

    @WithDefault("x-signature")
    String hmacSignatureHeader();

    @WithDefault("x-timestamp")
    String hmacTimestampHeader();

    /** The credential's {@code payloadFormat}; unset, {@code {timestamp}.{body}} (or {@code {body}} without one). */
    Optional<String> hmacPayloadTemplate();

    /** The credential's {@code includeTimestamp}: whether Vapi sends and signs a timestamp. */
    @WithDefault("true")
    boolean hmacIncludeTimestamp();

    /** The credential's {@code messageIdHeader}: the header carrying the delivery id ({@code {svix-id}}). */
    Optional<String> hmacMessageIdHeader();

    /** The Server URL exactly as configured in Vapi, signed as {@code {url}}; unset, rebuilt from the event. */
    Optional<String> url();

    /** the token issuer API Gateway's JWT authorizer checks. */
    Optional<String> oauth2Issuer();

    /** the audience (or client id) the token must carry, if any. */
    Optional<String> oauth2Audience();

    /** The scope an access token must grant, so that other clients of the issuer cannot post. */
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
