package io.github.vapisessionwebhook.session;

/** The store could not take or answer a request; the caller should answer so that Vapi retries. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
