package io.github.vapisessionwebhook.store;

import io.github.vapisessionwebhook.session.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.jboss.logging.Logger;

/** Chooses the store at start-up from {@code VAPI_SESSIONS_STORE}. */
public class SessionRepositoryProducer {

    private static final Logger LOG = Logger.getLogger(SessionRepositoryProducer.class);

    @Produces
    @ApplicationScoped
    SessionRepository repository(SessionsConfig config, Instance<DynamoDbClient> dynamoDb, Instance<LocalDynamoDb> local) {
        if (config.retentionDays() < 0) {
            throw new IllegalArgumentException("VAPI_SESSIONS_RETENTION_DAYS must be 0 (keep forever) or more");
        }
        LOG.infof("session store: %s", config.store());
        if (config.store() == SessionsConfig.Store.memory) {
            return new InMemorySessionRepository();
        }
        if (local.isResolvable()) {
            local.get().ensureStarted();
        }
        // The client is only built when DynamoDB is the store: a memory run needs no AWS set-up.
        return new DynamoDbSessionRepository(dynamoDb.get(), config.table(), Duration.ofDays(config.retentionDays()));
    }
}
