package io.github.vapisessionwebhook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What reached the function: a POST or another method through API Gateway, or a direct invocation. */
public sealed interface InboundEvent {

    /** API Gateway's id of the request, for the log; {@code null} for a direct invocation. */
    String requestId();

    /**
     * A POST through API Gateway (HTTP API or REST API proxy).
     *
     * @param url the URL the request was sent to, as the gateway reports it
     * @param claims the claims API Gateway's JWT authorizer verified, empty without one
     */
    record HttpDelivery(String method, Headers headers, RequestBody body, String requestId, String url,
            Map<String, String> claims) implements InboundEvent {

        public HttpDelivery {
            claims = Map.copyOf(claims);
        }
    }

    /** A request through API Gateway with a method other than POST: nothing else of it is read. */
    record OtherMethod(String method, String requestId) implements InboundEvent {
    }

    /**
     * An invocation through the Lambda API ({@code aws lambda invoke}, {@code sam local invoke}):
     * the event is the Vapi body, already parsed, and the caller was authorised by AWS IAM.
     */
    record DirectInvocation(JsonNode body) implements InboundEvent {

        @Override
        public String requestId() {
            return null;
        }
    }
}
