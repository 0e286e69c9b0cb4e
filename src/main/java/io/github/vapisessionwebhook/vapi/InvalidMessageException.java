package io.github.vapisessionwebhook.vapi;

/**
 * A body that is not a usable Vapi message. {@link #getMessage()} is safe to return to the caller:
 * it names the problem and the field path, never a value from the payload.
 */
public class InvalidMessageException extends RuntimeException {

    private final boolean invalidJson;

    private InvalidMessageException(boolean invalidJson, String message) {
        super(message, null, false, false);
        this.invalidJson = invalidJson;
    }

    /** The body is not JSON, or not a JSON object. */
    public static InvalidMessageException invalidJson(String message) {
        return new InvalidMessageException(true, message);
    }

    /** The JSON is an object but a required field is missing or malformed. */
    public static InvalidMessageException invalidField(String path, String problem) {
        return new InvalidMessageException(false, path + ": " + problem);
    }

    public boolean isInvalidJson() {
        return invalidJson;
    }
}
