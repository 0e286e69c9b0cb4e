package io.github.vapisessionwebhook.function;

import io.github.vapisessionwebhook.gateway.GatewayResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.store.DynamoDbSessionRepository;
import io.github.vapisessionwebhook.support.Credential;
import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.FailingStore;
import io.github.vapisessionwebhook.support.LogCapture;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.WiredFunction;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The 500 and 503 rows of the response contract, and what an operator finds in the log for each:
 * enough to tell one failure from another, nothing of the request.
 */
class FailureLogsTest {

    private static final String PAYLOAD_TEXT = "canary-payload-text-31f0";

    private static GatewayResponse deliver(SessionRepository repository) {
        SessionWebhookFunction function = WiredFunction.with(Credential.NONE.config(), repository);
        String body = Payloads.text(Payloads.session("session.created", UUID.randomUUID().toString(),
                "2026-08-01T12:00:00.000Z"));
        try {
            return function.handle(Payloads.JSON.readTree(EventKind.HTTP_API.post(body)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static LogRecord onlyError(LogCapture logs) {
        List<LogRecord> errors = logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(1, errors.size(), logs.lines().toString());
        return errors.get(0);
    }

    @Test
    void anUnexpectedFailureIs500AndLogsItsTypeAndStackButNotItsMessage() {
        SessionRepository broken = new FailingStore(subject -> new IllegalStateException("bug near " + PAYLOAD_TEXT,
                new JsonParseException(null, "Unexpected character ('" + PAYLOAD_TEXT + "')")));
        try (LogCapture logs = LogCapture.start()) {
            GatewayResponse response = deliver(broken);
            assertEquals(500, response.statusCode());
            assertEquals("{\"error\":\"internal_error\"}", response.body());

            LogRecord error = onlyError(logs);
            String logged = String.join("\n", logs.lines());
            assertTrue(error.getThrown().getMessage().startsWith("java.lang.IllegalStateException"), error.getThrown().getMessage());
            assertTrue(error.getThrown().getCause().getMessage().startsWith("com.fasterxml.jackson.core.JsonParseException"));
            assertTrue(logged.contains("at " + FailingStore.class.getName()), "the stack trace shows where: " + logged);
            assertFalse(logged.contains(PAYLOAD_TEXT), logged);
        }
    }

    @Test
    void aMissingTableIs503AndLogsTheAwsErrorCodeStatusAndRequestId() {
        Moto moto = Moto.start();
        try (LogCapture logs = LogCapture.start()) {
            GatewayResponse response = deliver(new DynamoDbSessionRepository(moto.client(), "no-such-table", Duration.ZERO));
            assertEquals(503, response.statusCode());
            assertEquals("{\"error\":\"storage_unavailable\"}", response.body());
            String message = onlyError(logs).getMessage() + " " + String.join(" ", logs.lines());
            assertTrue(message.contains("PutItem on table no-such-table failed: ResourceNotFoundException (HTTP 400, AWS request id "),
                    message);
            assertFalse(message.contains("AWS request id null"), message);
        }
    }

    @Test
    void anUnreachableStoreIs503AndSaysNoAnswerCame() {
        DynamoDbClient nowhere = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofMillis(500)).build())
                .build();
        try (LogCapture logs = LogCapture.start()) {
            assertEquals(503, deliver(new DynamoDbSessionRepository(nowhere, "t", Duration.ZERO)).statusCode());
            String message = String.join(" ", logs.lines());
            assertTrue(message.contains("failed: SdkClientException (no answer from DynamoDB"), message);
            assertTrue(message.contains("ConnectException"), message);
        }
    }

}
