package io.github.vapisessionwebhook.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.webhook.WebhookOutcome;

/** The one place where an outcome becomes a status code and a JSON body. */
final class GatewayResponses {

    private final ObjectMapper mapper;

    GatewayResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    GatewayResponse of(WebhookOutcome outcome) {
        ObjectNode body = mapper.createObjectNode();
        if (outcome instanceof WebhookOutcome.Rejected rejected) {
            body.put("error", rejected.error().code());
            if (rejected.detail() != null) {
                body.put("message", rejected.detail());
            }
            return GatewayResponse.json(rejected.error().status(), body.toString());
        }
        body.put("result", outcome.result());
        body.put("type", outcome.type());
        if (outcome instanceof WebhookOutcome.Recorded recorded) {
            body.put("sessionId", recorded.sessionId());
        }
        return GatewayResponse.json(200, body.toString());
    }
}
