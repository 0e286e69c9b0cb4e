package io.github.vapisessionwebhook.support;

import io.github.vapisessionwebhook.function.EventLog;
import io.github.vapisessionwebhook.function.SessionWebhookFunction;
import io.github.vapisessionwebhook.session.SessionRecorder;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.vapi.VapiMessageReader;
import io.github.vapisessionwebhook.webhook.AuthenticatorProducer;
import io.github.vapisessionwebhook.webhook.WebhookConfig;
import io.github.vapisessionwebhook.webhook.WebhookProcessor;
import java.time.Clock;
import java.util.Map;

/**
 * The function wired by hand as the application wires it, without starting Quarkus: fast enough
 * for property-based tests that send thousands of events.
 */
public final class WiredFunction {

    private WiredFunction() {
    }

    /** The function with {@code properties} as its webhook configuration, storing into {@code repository}. */
    public static SessionWebhookFunction with(Map<String, String> properties, SessionRepository repository) {
        VapiMessageReader reader = new VapiMessageReader();
        WebhookConfig config = WebhookConfigs.of(properties);
        WebhookProcessor processor = new WebhookProcessor(reader, new SessionRecorder(repository, Clock.systemUTC()),
                config, new AuthenticatorProducer().authenticator(config, Clock.systemUTC()));
        return new SessionWebhookFunction(processor, reader, new EventLog());
    }

    /** The function with {@code credential}'s configuration, on a fresh in-memory store. */
    public static SessionWebhookFunction with(Credential credential, InMemorySessionRepository repository) {
        return with(credential.config(), repository);
    }
}
