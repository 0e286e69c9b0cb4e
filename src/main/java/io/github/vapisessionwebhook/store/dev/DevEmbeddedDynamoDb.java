package io.github.vapisessionwebhook.store.dev;

import io.github.vapisessionwebhook.store.LocalDynamoDb;
import io.github.vapisessionwebhook.store.SessionTable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Dev mode only ({@code ./mvnw quarkus:dev}): starts Amazon's DynamoDB Local in-process, with its
 * data kept under {@code target/dynamodb-local} between runs, and creates the session table, so
 * that a local run exercises the production store code. DynamoDB Local is a {@code provided}
 * dependency: present in dev mode and tests, absent from function.zip, and this bean does not exist
 * outside the dev profile, so no deployed function ever creates a table.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevEmbeddedDynamoDb implements LocalDynamoDb {

    private static final Logger LOG = Logger.getLogger(DevEmbeddedDynamoDb.class);

    private final String table;
    private final URI endpoint;
    private DynamoDBProxyServer server;

    public DevEmbeddedDynamoDb(@ConfigProperty(name = "vapi.sessions.table") String table,
            @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") URI endpoint) {
        this.table = table;
        this.endpoint = endpoint;
    }

    @Override
    public synchronized void ensureStarted() {
        if (server != null) {
            return;
        }
        try {
            start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on " + endpoint, e);
        }
    }

    private void start() throws Exception {
        Path data = Path.of("target", "dynamodb-local");
        Files.createDirectories(data);
        server = ServerRunner.createServerFromCommandLineArgs(new String[] {
            "-dbPath", data.toString(), "-port", Integer.toString(endpoint.getPort()), "-disableTelemetry"});
        server.start();
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dev", "dev")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            client.createTable(SessionTable.createTableRequest(table));
            client.updateTimeToLive(SessionTable.timeToLiveRequest(table));
            LOG.infof("DynamoDB Local: created table %s at %s (data in %s)", table, endpoint, data);
        } catch (ResourceInUseException exists) {
            LOG.infof("DynamoDB Local: table %s at %s (data kept in %s)", table, endpoint, data);
        }
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        // Quarkus dev mode restarts the application on code changes: free the port each time.
        if (server != null) {
            server.stop();
        }
    }
}
