package io.github.vapisessionwebhook.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs a {@code @QuarkusTest} against moto's DynamoDB with the production store code. */
public class MotoResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Moto moto = Moto.start();
        return Map.of(
                "vapi.sessions.store", "dynamodb",
                "vapi.sessions.table", Moto.TABLE,
                "quarkus.dynamodb.endpoint-override", moto.endpoint().toString(),
                "quarkus.dynamodb.aws.region", Moto.REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local",
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
    }

    @Override
    public void stop() {
        // moto is shared by the whole test JVM and stopped when it ends.
    }
}
