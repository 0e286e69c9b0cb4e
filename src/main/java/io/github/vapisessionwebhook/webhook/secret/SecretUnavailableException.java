package io.github.vapisessionwebhook.webhook.secret;

/**
 * The webhook secret could not be read. Its message is this project's own (operation, AWS error
 * code, request id): never the secret, never the SDK's message text.
 */
public class SecretUnavailableException extends RuntimeException {

    public SecretUnavailableException(String message) {
        super(message);
    }
}
