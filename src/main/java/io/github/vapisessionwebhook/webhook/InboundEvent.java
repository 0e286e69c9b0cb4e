package io.github.vapisessionwebhook.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** What reached the function: an HTTP request through API Gateway, or a direct invocation. */
public sealed interface InboundEvent {

    /**
     * A request through API Gateway (HTTP API or REST API proxy). The body is kept as the gateway
     * sent it and decoded only once method and size have been checked.
     */
    record HttpDelivery(String method, Headers headers, String body, boolean base64Encoded, String requestId)
            implements InboundEvent {
    }

    /**
     * An invocation through the Lambda API ({@code aws lambda invoke}, {@code sam local invoke}):
     * the event is the Vapi body, already parsed, and the caller was authorised by AWS IAM.
     */
    record DirectInvocation(JsonNode body) implements InboundEvent {
    }
}
