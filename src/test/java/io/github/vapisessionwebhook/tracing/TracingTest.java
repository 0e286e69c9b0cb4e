package io.github.vapisessionwebhook.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.function.EventMetrics;
import io.github.vapisessionwebhook.function.SessionReaderFunction;
import io.github.vapisessionwebhook.function.SessionWebhookFunction;
import io.github.vapisessionwebhook.reader.SessionReader;
import io.github.vapisessionwebhook.store.DynamoDbSessionRepository;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.Credential;
import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.LogCapture;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.WebhookConfigs;
import io.github.vapisessionwebhook.support.WiredFunction;
import io.github.vapisessionwebhook.webhook.AuthenticatorProducer;
import io.github.vapisessionwebhook.webhook.WebhookConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Traces as Lambda would make them: its trace header present, the function's span a child of
 * Lambda's segment, each DynamoDB call a child span whose request carries the trace on to DynamoDB
 * (moto here), nothing from the payload; and nothing at all without the header or with tracing off.
 */
class TracingTest {

    private static final String TRACE = "1-5759e988-bd862e3fe1be46a994272793";
    private static final String LAMBDA_SEGMENT = "53995c3f42cd8ad8";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final List<String> traceHeadersSent = new ArrayList<>();

    @AfterEach
    void noInvocation() {
        System.clearProperty(Tracing.LAMBDA_TRACE_HEADER);
    }

    private SessionWebhookFunction function(Tracing tracing) {
        ExecutionInterceptor sentHeaders = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                traceHeadersSent.add(context.httpRequest().firstMatchingHeader("X-Amzn-Trace-Id").orElse("none"));
            }
        };
        DynamoDbSessionRepository store = new DynamoDbSessionRepository(Moto.start().dynamoDb(new TracedAwsCalls(tracing), sentHeaders),
                Moto.TABLE, Duration.ofDays(90));
        WebhookConfig config = WebhookConfigs.of(Credential.BEARER.config());
        return WiredFunction.with(config, WiredFunction.authenticator(config), store, new EventMetrics(false, "test"), tracing);
    }

    private static Tracing tracingOn(InMemorySpanExporter exporter) {
        return new Tracing(Optional.of(SimpleSpanProcessor.create(exporter)), "vapi-session-webhook");
    }

    private static ObjectNode delivery(String sessionId) {
        return Payloads.read(EventKind.HTTP_API.event("POST", Map.of("Authorization", "Bearer " + Credential.SECRET),
                Payloads.text(Payloads.session("session.created", sessionId, "2026-08-01T12:00:00.000Z")), false));
    }

    private static void lambdaTraces(String sampled) {
        System.setProperty(Tracing.LAMBDA_TRACE_HEADER, "Root=" + TRACE + ";Parent=" + LAMBDA_SEGMENT + ";Sampled=" + sampled);
    }

    @Test
    void aTracedDeliveryIsASpanUnderLambdasSegmentWithItsDynamoDbCallAndTheTraceGoesOnToDynamoDb() {
        SessionWebhookFunction function = function(tracingOn(spans));
        String sessionId = UUID.randomUUID().toString();
        lambdaTraces("1");

        assertEquals(200, function.handle(delivery(sessionId)).statusCode());
        assertEquals(200, function.handle(delivery(sessionId)).statusCode(), "a redelivery: the conditional write fails");

        List<SpanData> finished = spans.getFinishedSpanItems();
        List<SpanData> invocations = finished.stream().filter(span -> span.getKind() == SpanKind.SERVER).toList();
        List<SpanData> puts = finished.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertEquals(2, invocations.size(), finished.toString());
        assertEquals(2, puts.size(), finished.toString());
        SpanData invocation = invocations.get(0);
        assertEquals(TRACE.replace("1-", "").replace("-", ""), invocation.getTraceId(), "Lambda's trace");
        assertEquals(LAMBDA_SEGMENT, invocation.getParentSpanId(), "a child of Lambda's segment");
        assertEquals("created", invocation.getAttributes().get(AttributeKey.stringKey("vapi.result")));

        SpanData put = puts.get(0);
        assertEquals(invocation.getSpanId(), put.getParentSpanId());
        assertEquals("PutItem", put.getAttributes().get(AttributeKey.stringKey("rpc.method")));
        assertEquals(List.of(Moto.TABLE), put.getAttributes().get(AttributeKey.stringArrayKey("aws.dynamodb.table_names")));
        assertTrue(traceHeadersSent.get(0).contains("Root=" + TRACE) && traceHeadersSent.get(0).contains("Parent=" + put.getSpanId()),
                "the request names its own span as parent: " + traceHeadersSent);

        SpanData redelivered = puts.get(1);
        assertEquals(StatusCode.ERROR, redelivered.getStatus().getStatusCode(), "the outcome: " + redelivered);
        assertEquals("unchanged", invocations.get(1).getAttributes().get(AttributeKey.stringKey("vapi.result")));
        assertTrue(redelivered.getEvents().toString().contains("ConditionalCheckFailedException"), redelivered.getEvents().toString());

        String everything = finished.toString();
        assertFalse(everything.contains(sessionId), "no payload value in a span");
        assertFalse(everything.contains(Credential.SECRET), "no credential in a span");
    }

    /** The webhook's Secrets Manager client (a read at start-up, again after its cache time) is traced inside an invocation. */
    @Test
    void aSecretReadInsideATracedInvocationIsASpanNamingTheSecret() {
        Moto moto = Moto.start();
        moto.putSecret("tracing/webhook-secret", "tracing-secret-value");
        Map<String, String> sdk = Map.of("aws.endpointUrlSecretsManager", moto.endpoint().toString(), "aws.region", Moto.REGION,
                "aws.accessKeyId", "local", "aws.secretAccessKey", "local");
        sdk.forEach(System::setProperty);
        try {
            Tracing tracing = tracingOn(spans);
            WebhookConfig config = WebhookConfigs.of(Map.of("vapi.webhook.auth", "bearer", "vapi.webhook.secret-id", "tracing/webhook-secret"));
            lambdaTraces("1");
            try (Tracing.Invocation invocation = tracing.begin("read")) {
                new AuthenticatorProducer(new TracedAwsCalls(tracing)).authenticator(config, Clock.systemUTC());
            }
            SpanData read = spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
            assertEquals("GetSecretValue", read.getAttributes().get(AttributeKey.stringKey("rpc.method")), read.toString());
            assertEquals("SecretsManager", read.getAttributes().get(AttributeKey.stringKey("rpc.service")));
            assertTrue(read.getAttributes().get(AttributeKey.stringKey("aws.secretsmanager.secret.arn")).contains(":secret:tracing/webhook-secret"),
                    read.toString());
            assertFalse(spans.getFinishedSpanItems().toString().contains("tracing-secret-value"), "never the secret's value");
        } finally {
            sdk.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void lambdasSamplingDecisionHolds() {
        SessionWebhookFunction function = function(tracingOn(spans));
        lambdaTraces("0");
        assertEquals(200, function.handle(delivery(UUID.randomUUID().toString())).statusCode());
        assertEquals(List.of(), spans.getFinishedSpanItems());
    }

    /** Priming, init and direct tests run with no trace header: no trace starts, not even from a store call. */
    @Test
    void withoutATraceHeaderNothingIsEmitted() {
        SessionWebhookFunction function = function(tracingOn(spans));
        assertEquals(200, function.handle(delivery(UUID.randomUUID().toString())).statusCode());
        assertEquals(List.of(), spans.getFinishedSpanItems());
    }

    /** Off, the interceptor passes calls through untouched (on Lambda the SDK itself still forwards Lambda's header). */
    @Test
    void withTracingOffNothingIsEmittedAndNoHeaderIsAdded() {
        SessionWebhookFunction function = function(new Tracing(Optional.empty(), "vapi-session-webhook"));
        lambdaTraces("1");
        assertEquals(200, function.handle(delivery(UUID.randomUUID().toString())).statusCode());
        assertEquals(List.of(), spans.getFinishedSpanItems());
        assertEquals(List.of("none"), traceHeadersSent);
    }

    @Test
    void aQuerysLogLineCarriesTheTraceId() {
        SessionReaderFunction reader = new SessionReaderFunction(new SessionReader(new InMemorySessionRepository()),
                new Tracing(Optional.empty(), "vapi-session-reader"));
        lambdaTraces("1");
        try (LogCapture logs = LogCapture.start()) {
            reader.read(Payloads.JSON.createObjectNode().put("sessionId", "none"));
            assertTrue(logs.lines().stream().anyMatch(line -> line.contains("query answered") && line.contains("trace=" + TRACE)),
                    logs.lines().toString());
        }
    }

    @Test
    void theEventsLogLineCarriesTheTraceId() {
        SessionWebhookFunction function = function(new Tracing(Optional.empty(), "vapi-session-webhook"));
        lambdaTraces("1");
        try (LogCapture logs = LogCapture.start()) {
            function.handle(delivery(UUID.randomUUID().toString()));
            assertTrue(logs.lines().stream().anyMatch(line -> line.contains("event handled") && line.contains("trace=" + TRACE)),
                    logs.lines().toString());
        }
    }
}
