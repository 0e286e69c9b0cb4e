package io.github.vapisessionwebhook.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs a {@code @QuarkusTest} against DynamoDB Local with the production store code. */
public class DynamoDbLocalResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        DynamoDbLocal local = DynamoDbLocal.start();
        return Map.of(
                "vapi.sessions.store", "dynamodb",
                "vapi.sessions.table", DynamoDbLocal.TABLE,
                "quarkus.dynamodb.endpoint-override", local.endpoint().toString(),
                "quarkus.dynamodb.aws.region", DynamoDbLocal.REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local",
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
    }

    @Override
    public void stop() {
        // DynamoDB Local is shared by the whole run and ends with the JVM.
    }
}
