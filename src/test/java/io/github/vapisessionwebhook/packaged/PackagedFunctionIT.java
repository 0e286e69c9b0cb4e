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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code target/function.zip} run the way AWS runs it: unpacked into a task root, started by the
 * Lambda runtime interface client with the handler and environment from {@code template.yaml},
 * fed events through a Lambda Runtime API endpoint, storing into moto's DynamoDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedFunctionIT {

    private static final String TABLE = "vapi-sessions-packaged";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SECRET = "packaged-test-secret";

    private RuntimeApiServer runtimeApi;
    private PackagedFunction function;
    private Moto dynamoDb;
    private List<String> tablesBefore;

    @BeforeAll
    void start() throws Exception {
        dynamoDb = Moto.start();
        dynamoDb.createTable(TABLE);
        tablesBefore = dynamoDb.client().listTables().tableNames();
        runtimeApi = new RuntimeApiServer();
        PackagedFunction.Deployment deployment = PackagedFunction.Deployment.fromTemplate();
        assertEquals("java25", deployment.runtime(), "template runtime for the JVM packaging");
        assertEquals("bearer", deployment.environment().get("VAPI_WEBHOOK_AUTH"), "template default");
        assertEquals("vapi-session-webhook/webhook-secret", deployment.environment().get("VAPI_WEBHOOK_SECRET_ID"),
                "the secret is read from Secrets Manager at run time, not put in the environment");
        Map<String, String> environment = PackagedFunction.awsOnMoto(dynamoDb, TABLE, SECRET);
        // Off by default (docs/benchmarks.md): on here, so that init runs it as provisioned concurrency would.
        environment.put("VAPI_PRIME_ON_START", "true");
        function = PackagedFunction.start(deployment, runtimeApi.address(), environment,
                Files.createTempDirectory(Path.of("target"), "task-root"));
    }

    @AfterAll
    void stop() {
        if (function != null) {
            function.close();
        }
        if (runtimeApi != null) {
            runtimeApi.close();
        }
    }

    @Test
    void eventsFolderRunsThroughTheRuntimeInterfaceClient() throws Exception {
        assertResult("http-api-session-created.json", 200, "created");
        assertResult("rest-api-session-updated.json", 200, "updated");
        assertResult("direct-session-deleted.json", 200, "updated");
        assertResult("direct-session-created.json", 200, "unchanged");
        assertResult("http-api-status-update.json", 200, "ignored");

        Map<String, AttributeValue> item = dynamoDb.client().getItem(get -> get.tableName(TABLE).consistentRead(true)
                .key(Map.of("sessionId", AttributeValue.fromS("00000000-0000-4000-8000-000000000001")))).item();
        assertTrue(item.get("deleted").bool());
        assertEquals("session.deleted", item.get("lastEventType").s());
        assertEquals("2026-08-01T12:10:00.000Z", item.get("updatedAt").s());
        assertEquals("+15555550100", item.get("phoneNumber").s());
        assertTrue(function.isAlive());
        assertEquals(tablesBefore, dynamoDb.client().listTables().tableNames(), "a deployed function creates no table");
    }

    /** Lambda's log is where CloudWatch reads embedded metrics: one record per event, as one stdout line. */
    @Test
    void writesOneMetricsRecordPerEventToItsLog() throws Exception {
        long before = metricsRecords().size();
        ObjectNode event = authorised(Payloads.event("http-api-session-created.json"));
        String id = UUID.randomUUID().toString();
        event.put("body", Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z")));
        assertEquals(200, respond(Payloads.text(event)).get("statusCode").asInt());
        List<JsonNode> records = metricsRecords();
        assertEquals(before + 1, records.size(), output());
        JsonNode record = records.get(records.size() - 1);
        assertEquals("created", record.get("Result").asText());
        assertEquals("VapiSessionWebhook/vapi-session-webhook",
                record.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asText(), "the template's, per stack");
        assertFalse(record.toString().contains(id));
    }

    private List<JsonNode> metricsRecords() throws Exception {
        List<JsonNode> records = new java.util.ArrayList<>();
        for (String line : function.output().split("\n")) {
            if (line.startsWith("{\"_aws\"")) {
                records.add(Payloads.JSON.readTree(line));
            }
        }
        return records;
    }

    @Test
    void unauthenticatedGatewayRequestsAreRefused() throws Exception {
        JsonNode response = respond(Payloads.text(Payloads.event("http-api-session-created.json")));
        assertEquals(401, response.get("statusCode").asInt());
        assertEquals("{\"error\":\"unauthorized\"}", response.get("body").asText());

        ObjectNode notBase64 = Payloads.event("http-api-session-created.json").put("body", "%%% not base64").put("isBase64Encoded", true);
        assertEquals(401, respond(Payloads.text(notBase64)).get("statusCode").asInt(), "nothing about the body before authentication");
        ObjectNode hostileHeaders = Payloads.event("rest-api-session-updated.json");
        ((ObjectNode) hostileHeaders.get("headers")).put("Authorization", "Bearer " + "x".repeat(20_000))
                .put("authorization", "Bearer " + SECRET).put("X-Vapi-Secret", "-9223372036854775808");
        assertEquals(401, respond(Payloads.text(hostileHeaders)).get("statusCode").asInt(),
                "a credential header given twice with different values is ambiguous");
        assertTrue(function.isAlive());
    }

    @Test
    void badInputIsAnsweredNotAnInvocationError() throws Exception {
        ObjectNode event = authorised(Payloads.event("http-api-session-created.json"));
        event.put("body", "{not json");
        JsonNode response = respond(Payloads.text(event));
        assertEquals(400, response.get("statusCode").asInt());
        assertEquals("invalid_json", Payloads.JSON.readTree(response.get("body").asText()).get("error").asText());

        JsonNode notObject = respond("[1,2,3]");
        assertEquals(400, notObject.get("statusCode").asInt());
        assertTrue(function.isAlive());
    }

    @Test
    void initPrimesWhenAskedAndCountsNoEvent() throws Exception {
        // Any answer means init has finished, and priming is part of init.
        assertResult("http-api-status-update.json", 200, "ignored");
        String output = output();
        assertTrue(output.contains("priming took"), output);
        assertFalse(output.contains("priming could not"), output);
        String init = output.substring(0, output.indexOf("priming took"));
        assertFalse(init.contains("event handled") || init.contains("{\"_aws\""), "priming is no event: " + init);
    }

    /** Lambda ends an execution environment with SIGTERM: that is routine, and must log no ERROR. */
    @Test
    void shutdownLogsNoError() throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer();
                PackagedFunction stopped = PackagedFunction.start(PackagedFunction.Deployment.fromTemplate(), api.address(),
                        PackagedFunction.awsOnMoto(dynamoDb, TABLE, SECRET), Files.createTempDirectory(Path.of("target"), "shutdown"))) {
            RuntimeApiServer.Outcome outcome = api.invoke(Payloads.text(authorised(Payloads.event("http-api-status-update.json"))),
                    TIMEOUT, stopped.exited());
            assertFalse(outcome.error(), outcome.body());
            Process process = stopped.stop();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the function ends on SIGTERM");
            String output = stopped.output();
            assertFalse(output.contains("priming took"), "by default init does not prime (SnapStart primes before its snapshot)");
            assertFalse(output.contains("\"level\":\"ERROR\""), output);
            assertFalse(output.contains("Exception") || output.contains("Error:"), output);
        }
    }

    /** Adds the bearer secret to a gateway event; a direct event needs none (IAM authorises it). */
    private static ObjectNode authorised(ObjectNode event) {
        if (event.has("requestContext")) {
            ((ObjectNode) event.get("headers")).put("authorization", "Bearer " + SECRET);
        }
        return event;
    }

    private void assertResult(String eventFile, int status, String result) throws Exception {
        JsonNode response = respond(Payloads.text(authorised(Payloads.event(eventFile))));
        assertEquals(status, response.get("statusCode").asInt(), eventFile);
        assertEquals("application/json", response.get("headers").get("content-type").asText());
        assertEquals(result, Payloads.JSON.readTree(response.get("body").asText()).get("result").asText(), eventFile);
    }

    private JsonNode respond(String event) throws Exception {
        RuntimeApiServer.Outcome outcome = runtimeApi.invoke(event, TIMEOUT, function.exited());
        assertFalse(outcome.error(), () -> "invocation error: " + outcome.body() + "\n" + output());
        return Payloads.JSON.readTree(outcome.body());
    }

    private String output() {
        try {
            return function.output();
        } catch (Exception e) {
            return "(no output: " + e + ")";
        }
    }
}
