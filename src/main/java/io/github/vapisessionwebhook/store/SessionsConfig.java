package io.github.vapisessionwebhook.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code vapi.sessions.*}: where session records are kept. */
@ConfigMapping(prefix = "vapi.sessions")
public interface SessionsConfig {

    /** {@code VAPI_SESSIONS_STORE}: {@code memory} or {@code dynamodb}. */
    @WithDefault("dynamodb")
    Store store();

    /** {@code VAPI_SESSIONS_TABLE}: the DynamoDB table. */
    @WithDefault("vapi-sessions")
    String table();

    /**
     * {@code VAPI_SESSIONS_RETENTION_DAYS}: days a record is kept after its {@code updatedAt}
     * (DynamoDB TTL attribute {@code expiresAt}); 0 keeps records forever.
     */
    @WithDefault("90")
    int retentionDays();

    enum Store {
        memory,
        dynamodb
    }
}
