package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.webhook.secret.FixedSecret;
import io.github.vapisessionwebhook.webhook.secret.SecretUnavailableException;
import io.github.vapisessionwebhook.webhook.secret.SecretsManagerSecret;
import io.github.vapisessionwebhook.webhook.secret.WebhookSecret;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.crac.Core;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Builds the webhook's authenticator, at start-up ({@code function.StartupChecks}); the reader never does. */
public class AuthenticatorProducer {

    private static final Logger LOG = Logger.getLogger(AuthenticatorProducer.class);
    /** A Secrets Manager read that hangs must not hold a delivery near Lambda's timeout: 503 sooner. */
    private static final Duration SECRET_READ_TIMEOUT = Duration.ofSeconds(3);
    /** Two attempts of the read; not {@code multipliedBy}, whose BigDecimal costs a cold start milliseconds. */
    private static final Duration SECRET_CALL_TIMEOUT = Duration.ofSeconds(6);

    private final ExecutionInterceptor awsCalls;

    /** {@code awsCalls}: the Secrets Manager client's interceptor (tracing.TracedAwsCalls). */
    public AuthenticatorProducer(ExecutionInterceptor awsCalls) {
        this.awsCalls = awsCalls;
    }

    @Produces
    @Singleton
    public WebhookAuthenticator authenticator(WebhookConfig config, Clock clock) {
        WebhookConfig.AuthMode mode = config.auth().orElseGet(() -> {
            if (nonBlank(config.secret()).isEmpty() && nonBlank(config.secretId()).isEmpty()) {
                throw new IllegalStateException("VAPI_WEBHOOK_AUTH is not set: set it to bearer or hmac (with "
                        + "VAPI_WEBHOOK_SECRET_ID or VAPI_WEBHOOK_SECRET), oauth2 (with VAPI_WEBHOOK_OAUTH2_ISSUER), "
                        + "or to none to accept unauthenticated requests");
            }
            return WebhookConfig.AuthMode.bearer;
        });
        LOG.infof("webhook authentication: %s", mode);
        return switch (mode) {
            case none -> {
                LOG.warn("VAPI_WEBHOOK_AUTH=none: anyone who knows the URL can write session records");
                yield new OpenAuthenticator();
            }
            case bearer -> new BearerAuthenticator(secret(config, mode, clock), config.bearerHeader(),
                    config.bearerPrefix(), config.legacySecretHeader());
            case hmac -> new HmacAuthenticator(hmacSecret(config, clock), config, clock);
            case oauth2 -> new JwtClaimsAuthenticator(
                    nonBlank(config.oauth2Issuer()).orElseThrow(() -> new IllegalStateException("VAPI_WEBHOOK_AUTH=oauth2 needs "
                            + "VAPI_WEBHOOK_OAUTH2_ISSUER (the issuer of the JWT authorizer in front of the route), which is not set")),
                    nonBlank(config.oauth2Audience()),
                    nonBlank(config.oauth2Scope()).orElseThrow(() -> new IllegalStateException("VAPI_WEBHOOK_AUTH=oauth2 needs "
                            + "VAPI_WEBHOOK_OAUTH2_SCOPE (the scope Vapi's OAuth2 credential asks for), which is not set: "
                            + "without it any client of the issuer could post")));
        };
    }

    /** A fixed HMAC secret that cannot be a key stops start-up; one from Secrets Manager answers 503 until fixed. */
    private WebhookSecret hmacSecret(WebhookConfig config, Clock clock) {
        WebhookSecret secret = secret(config, WebhookConfig.AuthMode.hmac, clock);
        if (secret instanceof FixedSecret fixed) {
            try {
                HmacAuthenticator.keyBytes(fixed.value(), config.hmacSecretBase64());
            } catch (SecretUnavailableException e) {
                throw new IllegalStateException("VAPI_WEBHOOK_SECRET is not valid base64 (VAPI_WEBHOOK_HMAC_SECRET_BASE64=true)");
            }
        }
        return secret;
    }

    /** {@code VAPI_WEBHOOK_SECRET_ID} (deployed) or {@code VAPI_WEBHOOK_SECRET} (dev, tests), exactly one of them. */
    private WebhookSecret secret(WebhookConfig config, WebhookConfig.AuthMode mode, Clock clock) {
        Optional<String> fixed = nonBlank(config.secret());
        Optional<String> secretId = nonBlank(config.secretId());
        if (fixed.isPresent() && secretId.isPresent()) {
            throw new IllegalStateException("both VAPI_WEBHOOK_SECRET and VAPI_WEBHOOK_SECRET_ID are set: keep one "
                    + "(deployed, the Secrets Manager secret VAPI_WEBHOOK_SECRET_ID)");
        }
        if (fixed.isPresent()) {
            // As from Secrets Manager: surrounding whitespace is never part of a credential.
            return new FixedSecret(fixed.get().strip());
        }
        String id = secretId.orElseThrow(() -> new IllegalStateException("VAPI_WEBHOOK_AUTH=" + mode
                + " needs VAPI_WEBHOOK_SECRET_ID (a Secrets Manager secret) or VAPI_WEBHOOK_SECRET, and neither is set"));
        SecretsManagerSecret secret = new SecretsManagerSecret(secretsManager(), id, config.secretCache(),
                config.secretRefreshInterval(), config.secretGrace(), clock);
        secret.load();
        // Re-read after a SnapStart restore; the global context keeps resources weakly, this lives as long as the app.
        Core.getGlobalContext().register(secret);
        return secret;
    }

    /** Region, credentials and endpoint ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER}) from the SDK's default chains. */
    private SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(SECRET_READ_TIMEOUT)
                        .socketTimeout(SECRET_READ_TIMEOUT)
                        .build())
                .overrideConfiguration(override -> override.apiCallTimeout(SECRET_CALL_TIMEOUT)
                        .addExecutionInterceptor(awsCalls))
                .build();
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.filter(text -> !text.isBlank());
    }
}
