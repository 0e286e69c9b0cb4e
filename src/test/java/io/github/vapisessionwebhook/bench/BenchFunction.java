package io.github.vapisessionwebhook.bench;

import io.github.vapisessionwebhook.function.EventLog;
import io.github.vapisessionwebhook.function.SessionWebhookFunction;
import io.github.vapisessionwebhook.session.SessionRecorder;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.WebhookConfigs;
import io.github.vapisessionwebhook.vapi.VapiMessageReader;
import io.github.vapisessionwebhook.webhook.BearerAuthenticator;
import io.github.vapisessionwebhook.webhook.WebhookProcessor;
import java.time.Clock;
import java.util.Map;

/** The production classes wired by hand, as CDI wires them, on the in-memory store. */
public final class BenchFunction {

    static final String SECRET = "bench-secret";

    private BenchFunction() {
    }

    public static SessionWebhookFunction create() {
        VapiMessageReader reader = new VapiMessageReader();
        WebhookProcessor processor = new WebhookProcessor(reader,
                new SessionRecorder(new InMemorySessionRepository(), Clock.systemUTC()), WebhookConfigs.of(Map.of()),
                new BearerAuthenticator(SECRET, "Authorization", "Bearer ", true));
        return new SessionWebhookFunction(processor, reader, new EventLog());
    }
}
