package io.github.vapisessionwebhook.store.dev;

import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.store.SessionRepositoryProducer;
import io.github.vapisessionwebhook.store.SessionTable;
import io.github.vapisessionwebhook.store.SessionsConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * Dev mode only ({@code ./mvnw quarkus:dev}): the production DynamoDB store on a {@code moto_server}
 * that this bean starts on first use at {@code quarkus.dynamodb.endpoint-override} (or reuses, if
 * one already answers there) and stops on shutdown, with the session table created on first use.
 * Without moto it says so in one line and runs on the in-memory store, so dev mode needs nothing but
 * a JDK. This bean does not exist outside the dev profile and is not shipped in function.zip.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevMotoStore {

    private static final Logger LOG = Logger.getLogger(DevMotoStore.class);

    private final URI endpoint;
    private MotoServer server;

    public DevMotoStore(@ConfigProperty(name = "quarkus.dynamodb.endpoint-override") URI endpoint) {
        this.endpoint = endpoint;
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    SessionRepository repository(SessionsConfig config, Instance<DynamoDbClient> dynamoDb) {
        SessionsConfig.Store store = config.store();
        if (store == SessionsConfig.Store.dynamodb && !startMoto()) {
            LOG.warn(MotoServer.INSTALL_HINT + "; dev mode runs on the in-memory store instead");
            store = SessionsConfig.Store.memory;
        }
        SessionRepository repository = SessionRepositoryProducer.create(store, config, dynamoDb::get);
        if (store == SessionsConfig.Store.dynamodb) {
            createTable(dynamoDb.get(), config.table());
        }
        return repository;
    }

    private boolean startMoto() {
        if (MotoServer.answers(endpoint)) {
            LOG.infof("moto: using the server already answering at %s", endpoint);
            return true;
        }
        if (!MotoServer.isInstalled()) {
            return false;
        }
        server = MotoServer.start(endpoint.getPort());
        LOG.infof("moto: started at %s (records live until dev mode stops or reloads)", endpoint);
        return true;
    }

    private void createTable(DynamoDbClient client, String table) {
        try {
            client.createTable(SessionTable.createTableRequest(table));
            client.updateTimeToLive(SessionTable.timeToLiveRequest(table));
            LOG.infof("moto: created table %s", table);
        } catch (ResourceInUseException exists) {
            LOG.infof("moto: table %s is there", table);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        // Dev mode restarts the application on code changes: free the port each time.
        if (server != null) {
            server.close();
        }
    }
}
