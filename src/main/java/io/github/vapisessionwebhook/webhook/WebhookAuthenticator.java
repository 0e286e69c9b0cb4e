package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.gateway.InboundEvent;
import java.util.Optional;

/**
 * Decides whether an HTTP delivery comes from Vapi, before anything in its body is parsed. One
 * implementation per credential type of Vapi's webhook credential, and one for none.
 */
public sealed interface WebhookAuthenticator
        permits BearerAuthenticator, HmacAuthenticator, JwtClaimsAuthenticator, OpenAuthenticator {

    /**
     * Whether the delivery carries a credential of this type at all (the header, with its scheme; a
     * signature with what it signs), judged without the secret: a delivery without one is refused
     * without reading it, whatever the state of the secret store.
     */
    default boolean presentsCredential(InboundEvent.HttpDelivery delivery) {
        return true;
    }

    /**
     * Whether the delivery carries the credential; any header value that does not is {@code false}.
     *
     * @throws io.github.vapisessionwebhook.webhook.secret.SecretUnavailableException when the secret
     *         to check against cannot be read (answered 503, never a refusal or an acceptance)
     */
    boolean authenticate(InboundEvent.HttpDelivery delivery);

    /**
     * Re-reads the credential after {@link #authenticate} refused a delivery (a rotated secret);
     * whether it changed, so that the delivery is worth checking again.
     */
    default boolean refresh() {
        return false;
    }

    /** Vapi's id for this delivery, where the credential carries one (to log, once authenticated). */
    default Optional<String> deliveryId(InboundEvent.HttpDelivery delivery) {
        return Optional.empty();
    }
}
