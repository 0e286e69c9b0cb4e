package io.github.vapisessionwebhook.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What reached the function: an HTTP request through API Gateway, or a direct invocation. */
public sealed interface InboundEvent {

    /**
     * A request through API Gateway (HTTP API or REST API proxy).
     *
     * @param url the URL the request was sent to, as the gateway reports it (see the README)
     * @param claims the claims API Gateway's JWT authorizer verified, empty without one
     */
    record HttpDelivery(String method, Headers headers, RequestBody body, String requestId, String url,
            Map<String, String> claims) implements InboundEvent {

        public HttpDelivery {
            claims = Map.copyOf(claims);
        }
    }

    /**
     * An invocation through the Lambda API ({@code aws lambda invoke}, {@code sam local invoke}):
     * the event is the Vapi body, already parsed, and the caller was authorised by AWS IAM.
     */
    record DirectInvocation(JsonNode body) implements InboundEvent {
    }
}
