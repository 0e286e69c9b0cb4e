package io.github.vapisessionwebhook.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.support.Credential;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.RuntimeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * function.zip as deployed (template environment, secret id, Lambda's runtime client) with its
 * secret in moto's Secrets Manager, in real time: no secret yet (503), created (accepted without a
 * restart), rotated (new one at once, old one during a short grace period, refused after it).
 */
class PackagedSecretRotationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    // Long enough for the two deliveries after the rotation on a slow machine; the test sleeps past it.
    private static final Duration GRACE = Duration.ofSeconds(8);

    private final Moto moto = Moto.start();
    private final String secretName = "vapi-session-webhook/rotation-" + UUID.randomUUID();

    @Test
    void rotatesWithoutARedeploy() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "VAPI_WEBHOOK_SECRET_ID", secretName,
                "VAPI_WEBHOOK_SECRET_GRACE", GRACE.toString(),
                "VAPI_WEBHOOK_SECRET_REFRESH_INTERVAL", "PT0S",
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString(),
                "VAPI_SESSIONS_TABLE", Moto.TABLE,
                "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", moto.endpoint().toString()));
        try (RuntimeApiServer runtimeApi = new RuntimeApiServer();
                PackagedFunction function = PackagedFunction.start(PackagedFunction.Deployment.fromTemplate(),
                        runtimeApi.address(), environment, Files.createTempDirectory(Path.of("target"), "rotation-task"))) {
            Delivery delivery = new Delivery(runtimeApi, function);
            assertEquals(503, delivery.send("not-created-yet"), "no secret at start-up: unavailable, never open");

            moto.secrets().createSecret(create -> create.name(secretName).secretString("first-secret"));
            assertEquals(200, delivery.send("first-secret"), "read on the next delivery, without a restart");
            assertEquals(401, delivery.send("second-secret"));

            moto.secrets().putSecretValue(put -> put.secretId(secretName).secretString("second-secret"));
            Instant rotated = Instant.now();
            assertEquals(200, delivery.send("second-secret"), "the rotated secret on Vapi's first delivery with it");
            assertEquals(200, delivery.send("first-secret"), "the previous one during the grace period");

            Thread.sleep(Math.max(0, Duration.between(Instant.now(), rotated.plus(GRACE).plusSeconds(1)).toMillis()));
            assertEquals(401, delivery.send("first-secret"), "after the grace period only the current one");
            assertEquals(200, delivery.send("second-secret"));
            assertTrue(function.isAlive());
            String log = function.output();
            assertFalse(log.contains("first-secret") || log.contains("second-secret"), "no secret in the log");
        }
    }

    /** Bearer deliveries of new sessions; each answer is checked against what was stored. */
    private final class Delivery {
        private final RuntimeApiServer runtimeApi;
        private final PackagedFunction function;

        Delivery(RuntimeApiServer runtimeApi, PackagedFunction function) {
            this.runtimeApi = runtimeApi;
            this.function = function;
        }

        int send(String secret) throws Exception {
            String id = UUID.randomUUID().toString();
            ObjectNode event = Payloads.event("http-api-session-created.json");
            event.put("body", Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z")));
            Credential.BEARER.authorise(event, secret);
            RuntimeApiServer.Outcome outcome = runtimeApi.invoke(Payloads.text(event), TIMEOUT, function.exited());
            assertFalse(outcome.error(), outcome::body);
            JsonNode response = Payloads.JSON.readTree(outcome.body());
            int status = response.get("statusCode").asInt();
            if (status == 503) {
                assertEquals("{\"error\":\"credential_unavailable\"}", response.get("body").asText());
            }
            boolean stored = moto.client().getItem(get -> get.tableName(Moto.TABLE).consistentRead(true)
                    .key(Map.of("sessionId", AttributeValue.fromS(id)))).hasItem();
            assertEquals(status == 200, stored, "stored exactly when acknowledged");
            return status;
        }
    }
}
