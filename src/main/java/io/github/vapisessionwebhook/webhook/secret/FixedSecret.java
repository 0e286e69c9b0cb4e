package io.github.vapisessionwebhook.webhook.secret;

import java.util.List;

/** {@code VAPI_WEBHOOK_SECRET}: for dev, tests and {@code sam local}; rotating it means a new deployment. */
public record FixedSecret(String value) implements WebhookSecret {

    @Override
    public List<String> accepted() {
        return List.of(value);
    }

    @Override
    public boolean refresh() {
        return false;
    }

    @Override
    public String toString() {
        return "FixedSecret[value=***]";
    }
}
