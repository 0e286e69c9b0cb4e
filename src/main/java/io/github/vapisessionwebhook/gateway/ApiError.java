package io.github.vapisessionwebhook.gateway;

import java.util.Locale;

/**
 * The error rows of both functions' response contracts: HTTP status and the {@code error} code in
 * the body ({@link GatewayResponse#error}).
 */
public enum ApiError {
    INVALID_JSON(400),
    INVALID_MESSAGE(400),
    INVALID_REQUEST(400),
    UNAUTHORIZED(401),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    PAYLOAD_TOO_LARGE(413),
    INTERNAL_ERROR(500),
    STORAGE_UNAVAILABLE(503),
    /** The webhook secret could not be read: the delivery can be neither accepted nor refused. */
    CREDENTIAL_UNAVAILABLE(503);

    private final int status;

    ApiError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
