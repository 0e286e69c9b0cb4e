package io.github.vapisessionwebhook.support;

import io.github.vapisessionwebhook.tracing.Tracing;
import io.github.vapisessionwebhook.function.EventLog;
import io.github.vapisessionwebhook.function.EventMetrics;
import io.github.vapisessionwebhook.function.SessionWebhookFunction;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.vapi.VapiMessageReader;
import io.github.vapisessionwebhook.webhook.AuthenticatorProducer;
import io.github.vapisessionwebhook.webhook.WebhookAuthenticator;
import io.github.vapisessionwebhook.webhook.WebhookConfig;
import io.github.vapisessionwebhook.webhook.WebhookProcessor;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import java.util.Optional;
import java.time.Clock;
import java.util.Map;

/**
 * The function wired by hand as the application wires it, without starting Quarkus: fast enough
 * for property-based tests and benchmarks that send thousands of events.
 */
public final class WiredFunction {

    private WiredFunction() {
    }

    /** The function with {@code properties} as its webhook configuration, storing into {@code repository}. */
    public static SessionWebhookFunction with(Map<String, String> properties, SessionRepository repository) {
        WebhookConfig config = WebhookConfigs.of(properties);
        return with(config, authenticator(config), repository);
    }

    /** The function with {@code credential}'s configuration. */
    public static SessionWebhookFunction with(Credential credential, SessionRepository repository) {
        return with(credential.config(), repository);
    }

    public static SessionWebhookFunction with(WebhookConfig config, WebhookAuthenticator authenticator,
            SessionRepository repository) {
        // Metrics off, as in the test profile: thousands of records on stdout would only be noise.
        return with(config, authenticator, repository, new EventMetrics(false, "VapiSessionWebhook"));
    }

    public static SessionWebhookFunction with(WebhookConfig config, WebhookAuthenticator authenticator,
            SessionRepository repository, EventMetrics metrics) {
        return with(config, authenticator, repository, metrics, new Tracing(Optional.empty(), "test"));
    }

    public static SessionWebhookFunction with(WebhookConfig config, WebhookAuthenticator authenticator,
            SessionRepository repository, EventMetrics metrics, Tracing tracing) {
        WebhookProcessor processor = new WebhookProcessor(new VapiMessageReader(), repository, Clock.systemUTC(), config,
                authenticator);
        return new SessionWebhookFunction(processor, new EventLog(), metrics, tracing);
    }

    /** The authenticator the application builds at start-up for {@code config}. */
    public static WebhookAuthenticator authenticator(WebhookConfig config) {
        return new AuthenticatorProducer(new ExecutionInterceptor() {
        }).authenticator(config, Clock.systemUTC());
    }
}
