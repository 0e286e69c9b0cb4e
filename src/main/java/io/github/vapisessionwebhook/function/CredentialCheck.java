package io.github.vapisessionwebhook.function;

import io.github.vapisessionwebhook.webhook.WebhookAuthenticator;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the webhook's authenticator at start-up, so that a missing or contradictory credential
 * setting stops the function before it takes any event: it never runs open by accident. The
 * session reader, exported from the same zip, needs no credential and builds none.
 */
@ApplicationScoped
public class CredentialCheck {

    void onStart(@Observes StartupEvent started, @ConfigProperty(name = "quarkus.funqy.export") String exported,
            Instance<WebhookAuthenticator> authenticator) {
        if (SessionWebhookFunction.NAME.equals(exported)) {
            authenticator.get();
        }
    }
}
