package io.github.vapisessionwebhook.webhook;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Builds the authenticator. The webhook's start-up ({@code function.Priming}) asks for it, so that a
 * misconfiguration stops the function before it takes any event: it never runs open by accident.
 * The session reader, deployed from the same zip, never builds it and needs no credential.
 */
public class AuthenticatorProducer {

    private static final Logger LOG = Logger.getLogger(AuthenticatorProducer.class);

    @Produces
    @Singleton
    public WebhookAuthenticator authenticator(WebhookConfig config, Clock clock) {
        WebhookConfig.AuthMode mode = config.auth().orElseGet(() -> {
            if (config.secret().isEmpty()) {
                throw new IllegalStateException("VAPI_WEBHOOK_AUTH is not set: set it to bearer or hmac (with "
                        + "VAPI_WEBHOOK_SECRET), oauth2 (with VAPI_WEBHOOK_OAUTH2_ISSUER), or to none to accept "
                        + "unauthenticated requests");
            }
            return WebhookConfig.AuthMode.bearer;
        });
        LOG.infof("webhook authentication: %s", mode);
        return switch (mode) {
            case none -> {
                LOG.warn("VAPI_WEBHOOK_AUTH=none: anyone who knows the URL can write session records");
                yield new OpenAuthenticator();
            }
            case bearer -> new BearerAuthenticator(requireSecret(config, mode), config.bearerHeader(),
                    config.bearerPrefix(), config.legacySecretHeader());
            case hmac -> new HmacAuthenticator(hmacKey(config), config, clock);
            case oauth2 -> new JwtClaimsAuthenticator(config.oauth2Issuer().filter(issuer -> !issuer.isBlank())
                    .orElseThrow(() -> new IllegalStateException("VAPI_WEBHOOK_AUTH=oauth2 needs VAPI_WEBHOOK_OAUTH2_ISSUER "
                            + "(the issuer of the JWT authorizer in front of the route), which is not set")),
                    config.oauth2Audience().filter(audience -> !audience.isBlank()));
        };
    }

    private static byte[] hmacKey(WebhookConfig config) {
        String secret = requireSecret(config, WebhookConfig.AuthMode.hmac);
        if (!config.hmacSecretBase64()) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("VAPI_WEBHOOK_SECRET is not valid base64 (VAPI_WEBHOOK_HMAC_SECRET_BASE64=true)");
        }
    }

    private static String requireSecret(WebhookConfig config, WebhookConfig.AuthMode mode) {
        return config.secret().filter(secret -> !secret.isBlank()).orElseThrow(() -> new IllegalStateException(
                "VAPI_WEBHOOK_AUTH=" + mode + " needs VAPI_WEBHOOK_SECRET, which is not set"));
    }
}
