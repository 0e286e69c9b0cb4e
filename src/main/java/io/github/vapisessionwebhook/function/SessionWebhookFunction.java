package io.github.vapisessionwebhook.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vapisessionwebhook.vapi.VapiMessageReader;
import io.github.vapisessionwebhook.webhook.InboundEvent;
import io.github.vapisessionwebhook.webhook.WebhookError;
import io.github.vapisessionwebhook.webhook.WebhookOutcome;
import io.github.vapisessionwebhook.webhook.WebhookProcessor;
import io.quarkus.funqy.Funq;

/**
 * The Lambda entry point. Funqy hands over the raw event (it does not unwrap API Gateway's
 * envelope); this class only translates: event in, proxy response out. It never throws, so a
 * caller's mistake is always a JSON answer rather than a Lambda invocation error.
 */
public class SessionWebhookFunction {

    private final WebhookProcessor processor;
    private final GatewayResponses responses;
    private final EventLog eventLog;

    public SessionWebhookFunction(WebhookProcessor processor, VapiMessageReader reader, EventLog eventLog) {
        this.processor = processor;
        this.responses = new GatewayResponses(reader.mapper());
        this.eventLog = eventLog;
    }

    @Funq("vapi-session-webhook")
    public GatewayResponse handle(JsonNode event) {
        long started = System.nanoTime();
        InboundEvent inbound = null;
        WebhookOutcome outcome;
        try {
            inbound = GatewayEventReader.read(event);
            outcome = processor.process(inbound);
        } catch (RuntimeException e) {
            eventLog.unexpected(e);
            // A 5xx so that Vapi retries: an event that failed this way was not stored.
            outcome = new WebhookOutcome.Rejected(WebhookError.INTERNAL_ERROR, null);
        }
        GatewayResponse response = responses.of(outcome);
        eventLog.handled(inbound, outcome, response.statusCode(), System.nanoTime() - started);
        return response;
    }
}
