package io.github.vapisessionwebhook.store;

/**
 * A DynamoDB that the application runs itself: only in dev mode ({@code dev.DevEmbeddedDynamoDb}).
 * Deployed functions have no such bean and never create tables.
 */
public interface LocalDynamoDb {

    /** Starts the engine and creates the session table, once; returns when it can take requests. */
    void ensureStarted();
}
