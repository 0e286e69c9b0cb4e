package io.github.vapisessionwebhook.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.OtlpSink;
import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.RuntimeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The training run of {@code ./mvnw -Paot verify}, Quarkus's way: integration tests train the AOT
 * cache. {@code target/aot/train} (the bootstrap's JVM, writing the cache when it exits; laid out by
 * {@code src/build/java/.../AotZip.java}) serves rounds of events over every path an event takes
 * (created, updated, deleted and redelivered sessions through HTTP API, REST API and direct
 * invocation; other message types; refusals of each kind), each answer checked, against a local
 * Runtime API and moto; priming at init runs both functions' parts, so one cache serves the reader
 * too (one JVM run trains one cache), and every other round is traced (Lambda's trace header, spans
 * to a local collector), so a traced deployment starts from the cache as well. Then SIGTERM: the
 * JVM exits and writes {@code app.aot}.
 */
class AotTrainingIT {

    private static final Path TASK = Path.of("target", "aot", "task").toAbsolutePath();
    private static final String SECRET = "aot-training-secret";
    private static final int ROUNDS = 25;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CACHE_WRITE_TIMEOUT = Duration.ofMinutes(5);

    private record Step(String event, int status) {
    }

    @Test
    void everyPathAnEventTakesIsTrainedIntoTheCache() throws Exception {
        assertTrue(Files.isExecutable(TASK.resolveSibling("train")), "no training layout: ./mvnw -Paot verify lays it out");
        Map<String, String> environment = PackagedFunction.aotEnvironment("WebhookFunction", Moto.start(), SECRET);
        environment.put("VAPI_PRIME_ON_START", "true");
        environment.put("VAPI_AOT_TRAINING", "true");
        try (OtlpSink collector = new OtlpSink()) {
            environment.put("VAPI_TRACING_ENABLED", "true");
            environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
            train(environment, collector);
        }
    }

    private static void train(Map<String, String> environment, OtlpSink collector) throws Exception {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        try (RuntimeApiServer runtimeApi = new RuntimeApiServer();
                PackagedFunction function = PackagedFunction.run(List.of(TASK.resolveSibling("train").toString()), TASK,
                        runtimeApi.address(), environment)) {
            for (int round = 0; round < ROUNDS; round++) {
                runtimeApi.traceHeader(round % 2 == 0 ? "Root=1-00000000-000000000000000000000000"
                        : "Root=1-6759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
                for (Step step : round(UUID.randomUUID().toString())) {
                    RuntimeApiServer.Outcome outcome = runtimeApi.invoke(step.event(), TIMEOUT, function.exited());
                    assertFalse(outcome.error(), outcome::body);
                    assertEquals(step.status(), Payloads.JSON.readTree(outcome.body()).path("statusCode").asInt(), outcome.body());
                    byStatus.merge(step.status(), 1, Integer::sum);
                }
            }
            // A JVM stopped by SIGTERM exits normally, and writes the cache on its way out.
            assertTrue(function.stop().waitFor(CACHE_WRITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the training JVM exits");
            String output = function.output();
            assertTrue(output.contains("priming took"), "priming ran at init:\n" + output);
            assertFalse(output.contains("priming could not complete"), "priming reached both functions' store paths:\n" + output);
            assertTrue(Files.isRegularFile(TASK.resolve("app.aot")), "the training run wrote no AOT cache:\n" + output);
            assertTrue(collector.exports() > 0, "the traced rounds sent spans");
            System.out.printf("aot training: %s events by status, %d span exports; cache %,d bytes%n", byStatus,
                    collector.exports(), Files.size(TASK.resolve("app.aot")));
        }
    }

    private static List<Step> round(String id) {
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + SECRET, "Content-Type", "application/json");
        String created = Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z"));
        String updated = Payloads.text(Payloads.session("session.updated", id, "2026-08-01T12:05:00.000Z"));
        String deleted = Payloads.text(Payloads.session("session.deleted", id, "2026-08-01T12:10:00.000Z"));
        String other = "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\"}}";
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(EventKind.HTTP_API.event("POST", bearer, created, false), 200));
        steps.add(new Step(EventKind.REST_API.event("POST", bearer, updated, true), 200));
        steps.add(new Step(EventKind.HTTP_API.event("POST", bearer, created, false), 200));
        steps.add(new Step(EventKind.DIRECT.post(deleted), 200));
        steps.add(new Step(EventKind.HTTP_API.event("POST", bearer, other, false), 200));
        steps.add(new Step(EventKind.DIRECT.post(other), 200));
        steps.add(new Step(EventKind.HTTP_API.event("POST", Map.of(), created, false), 401));
        steps.add(new Step(EventKind.REST_API.event("POST", Map.of("Authorization", "Bearer wrong"), created, false), 401));
        steps.add(new Step(EventKind.HTTP_API.event("POST", bearer, "{not json", false), 400));
        steps.add(new Step(EventKind.HTTP_API.event("POST", bearer, "{\"message\":{\"type\":\"session.created\"}}", false), 400));
        steps.add(new Step(EventKind.HTTP_API.event("GET", bearer, null, false), 405));
        steps.add(new Step(EventKind.HTTP_API.event("POST", bearer, " ".repeat(6_300_000), false), 413));
        return steps;
    }
}
