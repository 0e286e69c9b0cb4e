package io.github.vapisessionwebhook.webhook;

/**
 * Decides whether an HTTP delivery comes from Vapi, before anything in it is parsed. One
 * implementation per credential type of Vapi's webhook credential.
 */
public sealed interface WebhookAuthenticator
        permits BearerAuthenticator, HmacAuthenticator, OpenAuthenticator {

    /** @param body the raw body bytes as received (after base64 decoding of a gateway body) */
    boolean authenticate(Headers headers, byte[] body);
}
