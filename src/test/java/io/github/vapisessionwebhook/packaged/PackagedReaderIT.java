package io.github.vapisessionwebhook.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.RuntimeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The session log's query API from the same function.zip, as template.yaml's ReaderFunction deploys
 * it (QUARKUS_FUNQY_EXPORT selects it; no webhook credential is configured): sessions written by the
 * webhook through moto are read back by id and by assistant, in pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedReaderIT {

    private static final String TABLE = "vapi-sessions-reader";
    private static final String SECRET = "reader-test-secret";

    private final String assistant = "asst-" + UUID.randomUUID();
    private RuntimeApiServer webhookApi;
    private RuntimeApiServer readerApi;
    private PackagedFunction webhook;
    private PackagedFunction reader;

    @BeforeAll
    void start() throws Exception {
        Moto moto = Moto.start();
        moto.createTable(TABLE);
        Map<String, String> webhookEnvironment = PackagedFunction.awsOnMoto(moto, TABLE, SECRET);
        // The reader needs only the table; it primes at init here, as before a SnapStart snapshot.
        Map<String, String> store = Map.of("VAPI_SESSIONS_TABLE", TABLE,
                "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", webhookEnvironment.get("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE"),
                "VAPI_PRIME_ON_START", "true");
        webhookApi = new RuntimeApiServer();
        readerApi = new RuntimeApiServer();
        webhook = PackagedFunction.start(PackagedFunction.Deployment.fromTemplate(), webhookApi.address(),
                webhookEnvironment, Files.createTempDirectory(Path.of("target"), "webhook-task"));
        PackagedFunction.Deployment readerDeployment = PackagedFunction.Deployment.fromTemplate("ReaderFunction");
        assertEquals("vapi-session-reader", readerDeployment.environment().get("QUARKUS_FUNQY_EXPORT"));
        assertFalse(readerDeployment.environment().containsKey("VAPI_WEBHOOK_AUTH"), "the reader needs no webhook credential");
        reader = PackagedFunction.start(readerDeployment, readerApi.address(), store,
                Files.createTempDirectory(Path.of("target"), "reader-task"));
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {webhook, reader, webhookApi, readerApi}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // Best effort: the next resource still gets closed.
            }
        }
    }

    @Test
    void sessionsWrittenByTheWebhookAreReadBackByIdAndInPages() throws Exception {
        for (int i = 0; i < 5; i++) {
            ObjectNode body = Payloads.session("session.created", "s-" + i + "-" + assistant,
                    "2026-08-01T12:0" + i + ":00.000Z");
            Payloads.sessionNode(body).put("assistantId", assistant).put("createdAt", "2026-08-01T12:0" + i + ":00.000Z");
            ObjectNode event = Payloads.event("http-api-session-created.json");
            event.put("body", Payloads.text(body));
            ((ObjectNode) event.get("headers")).put("authorization", "Bearer " + SECRET);
            assertEquals(200, response(webhookApi, webhook, Payloads.text(event)).get("statusCode").asInt());
        }

        JsonNode one = response(readerApi, reader, "{\"sessionId\":\"s-3-" + assistant + "\"}");
        assertEquals(200, one.get("statusCode").asInt(), one.toString());
        JsonNode record = Payloads.JSON.readTree(one.get("body").asText());
        assertEquals(assistant, record.get("assistantId").asText());
        assertEquals("2026-08-01T12:03:00.000Z", record.get("createdAt").asText());

        ObjectNode listing = Payloads.JSON.createObjectNode();
        listing.put("version", "2.0").putObject("queryStringParameters").put("assistantId", assistant).put("limit", "3");
        ObjectNode context = listing.putObject("requestContext").put("requestId", "q-1");
        context.putObject("http").put("method", "GET");
        context.putObject("authorizer").putObject("iam").put("userArn", "arn:aws:iam::123456789012:user/reader");
        JsonNode first = Payloads.JSON.readTree(response(readerApi, reader, Payloads.text(listing)).get("body").asText());
        assertEquals("s-4-" + assistant, first.get("items").get(0).get("sessionId").asText(), "newest first");
        assertEquals(3, first.get("items").size());
        ((ObjectNode) listing.get("queryStringParameters")).put("cursor", first.get("nextCursor").asText());
        JsonNode second = Payloads.JSON.readTree(response(readerApi, reader, Payloads.text(listing)).get("body").asText());
        assertEquals(2, second.get("items").size());
        assertFalse(second.has("nextCursor"), "the last page carries no cursor");

        JsonNode missing = response(readerApi, reader, "{\"sessionId\":\"priming-never-stored\"}");
        assertEquals(404, missing.get("statusCode").asInt());
        assertTrue(reader.output().contains("priming took"), "the reader primes its own path");
    }

    private static JsonNode response(RuntimeApiServer api, PackagedFunction function, String event) throws Exception {
        RuntimeApiServer.Outcome outcome = api.invoke(event, Duration.ofSeconds(60), function.exited());
        assertFalse(outcome.error(), () -> outcome.body() + "\n" + output(function));
        return Payloads.JSON.readTree(outcome.body());
    }

    private static String output(PackagedFunction function) {
        try {
            return function.output();
        } catch (Exception e) {
            return "(no output: " + e + ")";
        }
    }
}
