package io.github.vapisessionwebhook.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code vapi.webhook.*}: limits on what the function accepts. */
@ConfigMapping(prefix = "vapi.webhook")
public interface WebhookConfig {

    /** Largest accepted body in bytes, after base64 decoding ({@code VAPI_WEBHOOK_MAX_BODY_BYTES}). */
    @WithDefault("1048576")
    int maxBodyBytes();
}
