package io.github.vapisessionwebhook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The gateway adapter's way in: tells an API Gateway HTTP API (2.0) or REST API (1.0) event, known by
 * its {@code requestContext} and method, from a direct invocation whose event is the body itself,
 * and reads a request's method, headers, undecoded body, URL and authorizer claims.
 */
public final class GatewayEventReader {

    private GatewayEventReader() {
    }

    public static InboundEvent read(JsonNode input) {
        // An invocation with the payload `null` reaches the function as null.
        JsonNode event = input == null ? NullNode.getInstance() : input;
        String method = gatewayMethod(event);
        if (method == null) {
            return new InboundEvent.DirectInvocation(event);
        }
        JsonNode requestContext = event.path("requestContext");
        boolean httpApi = text(requestContext.path("http").path("method")) != null;
        if (!"POST".equalsIgnoreCase(method)) {
            return new InboundEvent.OtherMethod(method, text(requestContext.path("requestId")));
        }
        JsonNode authorizer = requestContext.path("authorizer");
        return new InboundEvent.HttpDelivery(
                method,
                new Headers(strings(event.path("headers"))),
                RequestBody.of(text(event.path("body")), event.path("isBase64Encoded").asBoolean(false)),
                text(requestContext.path("requestId")),
                httpApi ? httpApiUrl(event, requestContext) : restApiUrl(requestContext),
                // HTTP API JWT authorizer, or a REST API Cognito authorizer.
                strings(httpApi ? authorizer.path("jwt").path("claims") : authorizer.path("claims")));
    }

    /**
     * A read of the session log: a gateway request's method and parameters, or a direct invocation's
     * query object.
     *
     * @throws IllegalArgumentException for a direct invocation whose event is not a JSON object
     */
    public static ReadRequest readRequest(JsonNode input) {
        JsonNode event = input == null ? NullNode.getInstance() : input;
        String method = gatewayMethod(event);
        if (method != null) {
            JsonNode requestContext = event.path("requestContext");
            return new ReadRequest(method, strings(event.path("pathParameters")),
                    strings(event.path("queryStringParameters")), text(requestContext.path("requestId")),
                    iamAuthorised(requestContext));
        }
        if (!event.isObject()) {
            throw new IllegalArgumentException("the query must be a JSON object");
        }
        Map<String, String> query = strings(event);
        String sessionId = query.remove("sessionId");
        return new ReadRequest("GET", sessionId == null ? Map.of() : Map.of("sessionId", sessionId), query, null, true);
    }

    /**
     * Whether an AWS IAM authorizer verified the caller: HTTP API's {@code authorizer.iam}, or a REST
     * API's SigV4 {@code identity}; not on a route deployed without IAM authorization.
     */
    private static boolean iamAuthorised(JsonNode requestContext) {
        JsonNode iam = requestContext.path("authorizer").path("iam");
        return Stream.of(iam.path("userArn"), iam.path("callerId"), requestContext.path("identity").path("userArn"))
                .map(GatewayEventReader::text).anyMatch(caller -> caller != null && !caller.isBlank());
    }

    /** The method of a gateway event (HTTP API or REST API), or {@code null} for any other event. */
    private static String gatewayMethod(JsonNode event) {
        JsonNode requestContext = event.path("requestContext");
        if (!requestContext.isObject()) {
            return null;
        }
        String method = text(requestContext.path("http").path("method"));
        return method != null ? method : text(event.path("httpMethod"));
    }

    /** {@code https://} + domain + raw path (with the stage, if not $default) + raw query string. */
    private static String httpApiUrl(JsonNode event, JsonNode requestContext) {
        String domain = text(requestContext.path("domainName"));
        String path = text(event.path("rawPath"));
        if (domain == null || path == null) {
            return null;
        }
        String query = text(event.path("rawQueryString"));
        return "https://" + domain + path + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** {@code https://} + domain + the path as called (with the stage); the query is not recoverable byte for byte. */
    private static String restApiUrl(JsonNode requestContext) {
        String domain = text(requestContext.path("domainName"));
        String path = text(requestContext.path("path"));
        return domain == null || path == null ? null : "https://" + domain + path;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(entry -> {
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                values.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return values;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
