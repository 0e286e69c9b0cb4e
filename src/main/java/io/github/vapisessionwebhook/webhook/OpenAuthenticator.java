package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.gateway.InboundEvent;

/** {@code VAPI_WEBHOOK_AUTH=none}: every delivery is accepted. Only ever chosen explicitly. */
public final class OpenAuthenticator implements WebhookAuthenticator {

    @Override
    public boolean authenticate(InboundEvent.HttpDelivery delivery) {
        return true;
    }
}
