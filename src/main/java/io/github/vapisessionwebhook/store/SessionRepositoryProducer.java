package io.github.vapisessionwebhook.store;

import io.github.vapisessionwebhook.session.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Chooses the store at start-up from {@code VAPI_SESSIONS_STORE}. */
public class SessionRepositoryProducer {

    private static final Logger LOG = Logger.getLogger(SessionRepositoryProducer.class);

    @Produces
    @ApplicationScoped
    SessionRepository repository(SessionsConfig config, Instance<DynamoDbClient> dynamoDb) {
        return create(config.store(), config, dynamoDb::get);
    }

    /**
     * The {@code store} kind with {@code config}'s table and retention. The DynamoDB client is only
     * built when DynamoDB is the store: a memory run needs no AWS set-up.
     */
    public static SessionRepository create(SessionsConfig.Store store, SessionsConfig config, Supplier<DynamoDbClient> dynamoDb) {
        if (config.retentionDays() < 0) {
            throw new IllegalArgumentException("VAPI_SESSIONS_RETENTION_DAYS must be 0 (keep forever) or more");
        }
        LOG.infof("session store: %s", store);
        if (store == SessionsConfig.Store.memory) {
            return new InMemorySessionRepository();
        }
        return new DynamoDbSessionRepository(dynamoDb.get(), config.table(), Duration.ofDays(config.retentionDays()));
    }
}
