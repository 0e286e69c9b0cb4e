package io.github.vapisessionwebhook.support;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import io.github.vapisessionwebhook.store.SessionTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * Amazon's DynamoDB Local engine, started in this JVM once per test run on a free port, with the
 * session table created from {@link SessionTable} (the same definition the template is checked
 * against).
 */
public final class DynamoDbLocal {

    public static final String TABLE = "vapi-sessions-test";
    public static final String REGION = "us-east-1";

    private static DynamoDbLocal instance;

    private final URI endpoint;
    private final DynamoDbClient client;

    private DynamoDbLocal(URI endpoint) {
        this.endpoint = endpoint;
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static synchronized DynamoDbLocal start() {
        if (instance == null) {
            int port = freePort();
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                            "-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
            instance = new DynamoDbLocal(URI.create("http://127.0.0.1:" + port));
            instance.createTable(TABLE);
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Creates a session table under {@code name} unless it exists. */
    public void createTable(String name) {
        try {
            client.createTable(SessionTable.createTableRequest(name));
            client.updateTimeToLive(SessionTable.timeToLiveRequest(name));
        } catch (ResourceInUseException alreadyThere) {
            // Created by an earlier test in this run.
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
