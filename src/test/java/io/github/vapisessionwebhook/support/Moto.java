package io.github.vapisessionwebhook.support;

import io.github.vapisessionwebhook.store.SessionTable;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * moto's server (DynamoDB, and Secrets Manager for the webhook secret) for this test JVM: started once, on first use, on a free loopback port,
 * with the session table created from {@link SessionTable} (the definition the template is checked
 * against), and stopped when the JVM ends. Without {@code moto_server} every test that needs it
 * fails at once with {@link MotoServer#INSTALL_HINT}.
 */
public final class Moto {

    public static final String TABLE = "vapi-sessions-test";
    public static final String REGION = "us-east-1";

    private static Moto instance;

    private final URI endpoint;
    private final DynamoDbClient client;
    private final SecretsManagerClient secrets;

    private Moto(URI endpoint) {
        this.endpoint = endpoint;
        this.client = dynamoDb();
        this.secrets = secretsManager(endpoint);
    }

    /** A DynamoDB client for moto's endpoint, with {@code interceptors} (to see the requests it sends). */
    public DynamoDbClient dynamoDb(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> List.of(interceptors).forEach(config::addExecutionInterceptor))
                .build();
    }

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    /** A Secrets Manager client for {@code endpoint} (moto's, or one where nothing answers). */
    public static SecretsManagerClient secretsManager(URI endpoint) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static synchronized Moto start() {
        if (instance == null) {
            MotoServer server = MotoServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-stop"));
            instance = new Moto(server.endpoint());
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

    public SecretsManagerClient secrets() {
        return secrets;
    }

    /** Makes {@code value} the current version of secret {@code name}, creating the secret if need be. */
    public void putSecret(String name, String value) {
        try {
            secrets.createSecret(create -> create.name(name).secretString(value));
        } catch (ResourceExistsException exists) {
            secrets.putSecretValue(put -> put.secretId(name).secretString(value));
        }
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
}
