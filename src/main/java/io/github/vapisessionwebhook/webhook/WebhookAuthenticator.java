package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.gateway.InboundEvent;
import java.util.Optional;

/**
 * Decides whether an HTTP delivery comes from Vapi, before anything in its body is parsed. One
 * implementation per credential type of Vapi's webhook credential, and one for none.
 */
public sealed interface WebhookAuthenticator
        permits BearerAuthenticator, HmacAuthenticator, JwtClaimsAuthenticator, OpenAuthenticator {

    /** Whether the delivery carries the credential; any header value that does not is {@code false}. */
    boolean authenticate(InboundEvent.HttpDelivery delivery);

    /**
     * {@code unsigned} as a genuine delivery with this credential carries it, made from the
     * configured credential: priming sends it through the real path, so that path needs no
     * credential of its own.
     */
    InboundEvent.HttpDelivery authorise(InboundEvent.HttpDelivery unsigned);

    /** Vapi's id for this delivery, where the credential carries one (to log, once authenticated). */
    default Optional<String> deliveryId(InboundEvent.HttpDelivery delivery) {
        return Optional.empty();
    }
}
