package io.github.vapisessionwebhook.webhook;

import java.util.Optional;

/**
 * Decides whether an HTTP delivery comes from Vapi, before anything in its body is parsed. One
 * implementation per credential type of Vapi's webhook credential, and one for none.
 */
public sealed interface WebhookAuthenticator
        permits BearerAuthenticator, HmacAuthenticator, JwtClaimsAuthenticator, OpenAuthenticator {

    /** Whether the delivery carries the credential; any header value that does not is {@code false}. */
    boolean authenticate(InboundEvent.HttpDelivery delivery);

    /** Vapi's id for this delivery, where the credential carries one (to log, once authenticated). */
    default Optional<String> deliveryId(InboundEvent.HttpDelivery delivery) {
        return Optional.empty();
    }
}
