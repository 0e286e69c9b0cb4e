package io.github.vapisessionwebhook.webhook.secret;

import java.util.List;

/**
 * Where the bearer token or HMAC secret of Vapi's credential comes from: fixed configuration
 * ({@code VAPI_WEBHOOK_SECRET}) or AWS Secrets Manager, read at run time so it can rotate.
 */
public sealed interface WebhookSecret permits FixedSecret, SecretsManagerSecret {

    /**
     * The secrets a delivery may carry now, the current one first (during a rotation's grace period
     * the previous one too).
     *
     * @throws SecretUnavailableException when the secret has never been read: the delivery can be
     *         neither accepted nor refused, and is answered 503 so that Vapi retries
     */
    List<String> accepted();

    /**
     * Re-reads the secret after a delivery was refused, at most once per refresh interval, so a
     * rotated secret is in force as soon as Vapi sends it.
     *
     * @return whether the accepted secrets changed (then the refused delivery is checked again); a
     *         re-read that fails changes nothing
     * @throws SecretUnavailableException when the refused delivery may still be genuine: the secret
     *         was never read, or a previous version in its grace period could not be read
     */
    boolean refresh();
}
