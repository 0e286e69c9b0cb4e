package io.github.vapisessionwebhook.bench;

import io.github.vapisessionwebhook.function.SessionWebhookFunction;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.WiredFunction;
import java.util.Map;

/** The production classes wired by hand, as CDI wires them, on the in-memory store with bearer authentication. */
public final class BenchFunction {

    static final String SECRET = "bench-secret";

    private BenchFunction() {
    }

    public static SessionWebhookFunction create() {
        return WiredFunction.with(Map.of("vapi.webhook.auth", "bearer", "vapi.webhook.secret", SECRET),
                new InMemorySessionRepository());
    }
}
