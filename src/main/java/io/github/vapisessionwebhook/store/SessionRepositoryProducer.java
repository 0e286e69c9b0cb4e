package io.github.vapisessionwebhook.store;

import io.github.vapisessionwebhook.session.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Chooses the store at start-up from {@code VAPI_SESSIONS_STORE}. */
public class SessionRepositoryProducer {

    private static final Logger LOG = Logger.getLogger(SessionRepositoryProducer.class);

    @Produces
    @ApplicationScoped
    SessionRepository repository(SessionsConfig config) {
        LOG.infof("session store: %s", config.store());
        return switch (config.store()) {
            case memory -> new InMemorySessionRepository();
            case dynamodb -> throw new IllegalStateException("DynamoDB store not yet available");
        };
    }
}
