package io.github.vapisessionwebhook.aot;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.RuntimeApiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The events of the AOT training run: every path an event can take (created, updated, deleted
 * and redelivered sessions through HTTP API, REST API and direct invocation; other message types;
 * refusals of each kind), in rounds, each answer checked against the status it must have.
 */
final class Training {

    static final String SECRET = "aot-training-secret";
    private static final int ROUNDS = 25;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Summary(int events, Map<Integer, Integer> byStatus) {
    }

    private record Step(String event, int status) {
    }

    private Training() {
    }

    static Summary run(RuntimeApiServer runtimeApi, PackagedFunction function) throws Exception {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int events = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Step step : round(UUID.randomUUID().toString())) {
                RuntimeApiServer.Outcome outcome = runtimeApi.invoke(step.event(), TIMEOUT, function.exited());
                JsonNode response = Payloads.JSON.readTree(outcome.body());
                int status = response.path("statusCode").asInt();
                if (outcome.error() || status != step.status()) {
                    throw new IllegalStateException("expected " + step.status() + " but got " + outcome.body());
                }
                byStatus.merge(status, 1, Integer::sum);
                events++;
            }
        }
        return new Summary(events, byStatus);
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
