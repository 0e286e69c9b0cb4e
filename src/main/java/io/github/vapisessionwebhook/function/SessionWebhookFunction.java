package io.github.vapisessionwebhook.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vapisessionwebhook.gateway.GatewayEventReader;
import io.github.vapisessionwebhook.gateway.GatewayResponse;
import io.github.vapisessionwebhook.gateway.InboundEvent;
import io.github.vapisessionwebhook.gateway.ApiError;
import io.github.vapisessionwebhook.tracing.Tracing;
import io.github.vapisessionwebhook.webhook.WebhookOutcome;
import io.github.vapisessionwebhook.webhook.WebhookProcessor;
import io.quarkus.funqy.Funq;

/**
 * The Lambda entry point. Funqy hands over the raw event (it does not unwrap API Gateway's
 * envelope); this class only connects: the gateway adapter reads the event, the webhook decides,
 * the outcome becomes the proxy response, and one log line and one metrics record are written, all
 * inside the invocation's span when Lambda traces it. It never throws, so a caller's mistake is
 * always a JSON answer rather than a Lambda invocation error.
 */
public class SessionWebhookFunction {

    /** The function's name, as {@code quarkus.funqy.export} selects it. */
    public static final String NAME = "vapi-session-webhook";

    private final WebhookProcessor processor;
    private final EventLog eventLog;
    private final EventMetrics eventMetrics;
    private final Tracing tracing;

    public SessionWebhookFunction(WebhookProcessor processor, EventLog eventLog, EventMetrics eventMetrics, Tracing tracing) {
        this.processor = processor;
        this.eventLog = eventLog;
        this.eventMetrics = eventMetrics;
        this.tracing = tracing;
    }

    @Funq(NAME)
    public GatewayResponse handle(JsonNode event) {
        long started = System.nanoTime();
        try (Tracing.Invocation traced = tracing.begin(NAME)) {
            InboundEvent inbound;
            try {
                inbound = GatewayEventReader.read(event);
            } catch (RuntimeException e) {
                return respond(null, failed(e), started, traced);
            }
            WebhookOutcome outcome;
            try {
                outcome = processor.process(inbound);
            } catch (RuntimeException e) {
                outcome = failed(e);
            }
            return respond(inbound, outcome, started, traced);
        }
    }

    private GatewayResponse respond(InboundEvent inbound, WebhookOutcome outcome, long started, Tracing.Invocation traced) {
        GatewayResponse response = outcome.response();
        traced.answered(outcome.status(), outcome.result());
        String traceId = Tracing.lambdaTraceId().orElse(null);
        eventLog.handled(inbound, outcome, System.nanoTime() - started, traceId);
        eventMetrics.handled(outcome, traceId);
        return response;
    }

    /** A 5xx so that Vapi retries: an event that failed this way was not stored. */
    private WebhookOutcome failed(RuntimeException e) {
        eventLog.unexpected(e);
        return new WebhookOutcome.Rejected(ApiError.INTERNAL_ERROR, null, null);
    }
}
