package io.github.vapisessionwebhook.webhook;

import java.util.Locale;

/** The error rows of the response contract: HTTP status and the {@code error} code in the body. */
public enum WebhookError {
    INVALID_JSON(400),
    INVALID_MESSAGE(400),
    UNAUTHORIZED(401),
    METHOD_NOT_ALLOWED(405),
    PAYLOAD_TOO_LARGE(413),
    INTERNAL_ERROR(500),
    STORAGE_UNAVAILABLE(503),
    /** The webhook secret could not be read: the delivery can be neither accepted nor refused. */
    CREDENTIAL_UNAVAILABLE(503);

    private final int status;

    WebhookError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
