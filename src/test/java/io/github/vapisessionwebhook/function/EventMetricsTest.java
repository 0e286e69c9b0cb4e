package io.github.vapisessionwebhook.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.Credential;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.WebhookConfigs;
import io.github.vapisessionwebhook.support.WiredFunction;
import io.github.vapisessionwebhook.webhook.WebhookConfig;
import io.github.vapisessionwebhook.gateway.ApiError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/** The metrics record each event writes, as CloudWatch would read it from the log. */
class EventMetricsTest {

    private final List<JsonNode> records = new ArrayList<>();
    private final InMemorySessionRepository store = new InMemorySessionRepository();
    private final SessionWebhookFunction function;

    EventMetricsTest() {
        WebhookConfig config = WebhookConfigs.of(Credential.BEARER.config());
        EventMetrics metrics = new EventMetrics(new CapturingLambdaEnvironment(), "VapiSessionWebhook", true);
        function = WiredFunction.with(config, WiredFunction.authenticator(config), store, metrics);
    }

    /** Lambda's environment (its properties and log group), with a sink that keeps the serialised record. */
    private final class CapturingLambdaEnvironment implements Environment {
        private final LambdaEnvironment lambda = new LambdaEnvironment();

        @Override
        public boolean probe() {
            return true;
        }

        @Override
        public String getName() {
            return lambda.getName();
        }

        @Override
        public String getType() {
            return lambda.getType();
        }

        @Override
        public String getLogGroupName() {
            return lambda.getLogGroupName();
        }

        @Override
        public void configureContext(MetricsContext context) {
            lambda.configureContext(context);
        }

        @Override
        public ISink getSink() {
            return new ISink() {
                @Override
                public void accept(MetricsContext context) {
                    try {
                        for (String line : context.serialize()) {
                            records.add(Payloads.JSON.readTree(line));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public CompletableFuture<Void> shutdown() {
                    return CompletableFuture.completedFuture(null);
                }
            };
        }
    }

    private JsonNode deliver(String body, boolean authorised) {
        ObjectNode event = Payloads.event("http-api-session-created.json");
        event.put("body", body);
        if (authorised) {
            Credential.BEARER.authorise(event);
        }
        int before = records.size();
        function.handle(event);
        assertEquals(before + 1, records.size(), "one record per event");
        return records.get(records.size() - 1);
    }

    private static String session(String id) {
        return Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z"));
    }

    private static List<List<String>> dimensions(JsonNode record) {
        List<List<String>> sets = new ArrayList<>();
        record.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").forEach(set -> {
            List<String> names = new ArrayList<>();
            set.forEach(name -> names.add(name.asText()));
            sets.add(names);
        });
        return sets;
    }

    private static Set<String> metricNames(JsonNode record) {
        Set<String> names = new TreeSet<>();
        record.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").forEach(m -> names.add(m.path("Name").asText()));
        return names;
    }

    /** The record leads to the invocation's trace: Lambda's trace id, as both runtime loops pass it. */
    @Test
    void aTracedEventsRecordCarriesItsTraceId() {
        assertFalse(deliver(session(UUID.randomUUID().toString()), true).has("traceId"), "no trace header, no trace id");
        System.setProperty("com.amazonaws.xray.traceHeader", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        try {
            assertEquals("1-5759e988-bd862e3fe1be46a994272793", deliver(session(UUID.randomUUID().toString()), true).path("traceId").asText());
        } finally {
            System.clearProperty("com.amazonaws.xray.traceHeader");
        }
    }

    @Test
    void aStoredEventCountsByResultWithItsStoreLatency() {
        String id = UUID.randomUUID().toString();
        JsonNode record = deliver(session(id), true);
        assertEquals("VapiSessionWebhook", record.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText());
        assertEquals(List.of(List.of(), List.of("Result")), dimensions(record));
        assertEquals("created", record.path("Result").asText());
        assertEquals(Set.of("Events", "StoreLatency"), metricNames(record));
        assertEquals(1, record.path("Events").asInt());
        assertTrue(record.path("StoreLatency").asDouble() >= 0, record.toString());
        assertFalse(record.toString().contains(id), "no session id in a metrics record");

        assertEquals("unchanged", deliver(session(id), true).path("Result").asText(), "a redelivery");
    }

    @Test
    void aRefusalCountsByErrorAndAnAuthenticationFailureOnItsOwn() {
        JsonNode unauthorised = deliver(session(UUID.randomUUID().toString()), false);
        assertEquals(List.of(List.of(), List.of("Result"), List.of("Error")), dimensions(unauthorised));
        assertEquals("refused", unauthorised.path("Result").asText());
        assertEquals("unauthorized", unauthorised.path("Error").asText());
        assertEquals(Set.of("AuthenticationFailures", "Events", "Refusals"), metricNames(unauthorised));
        assertFalse(unauthorised.toString().contains(Credential.SECRET));

        JsonNode invalid = deliver("{not json", true);
        assertEquals("invalid_json", invalid.path("Error").asText());
        assertEquals(Set.of("Events", "Refusals"), metricNames(invalid));

        JsonNode other = deliver("{\"message\":{\"type\":\"status-update\",\"status\":\"ended\"}}", true);
        assertEquals("ignored", other.path("Result").asText());
        assertEquals(Set.of("Events"), metricNames(other));
    }

    /** Whatever arrives, dimension values come from two fixed lists: the metric count cannot grow with traffic. */
    @Test
    void dimensionValuesAreBounded() {
        String[] bodies = {session(UUID.randomUUID().toString()), "{not json", "[]", "{\"message\":{\"type\":7}}",
                "{\"message\":{\"type\":\"" + "x".repeat(300) + "\"}}", "{\"message\":{\"type\":\"session.updated\"}}"};
        for (String body : bodies) {
            deliver(body, true);
            deliver(body, false);
        }
        Set<String> results = Arrays.stream(EventMetrics.Result.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> errors = Arrays.stream(ApiError.values()).map(ApiError::code).collect(Collectors.toSet());
        for (JsonNode record : records) {
            assertTrue(results.contains(record.path("Result").asText()), record.toString());
            assertTrue(record.path("Error").isMissingNode() || errors.contains(record.path("Error").asText()), record.toString());
        }
    }
}
