package io.github.vapisessionwebhook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * An API Gateway Lambda proxy response; both payload formats (1.0 and 2.0) read these fields.
 * A direct invocation gets the same object back.
 */
@RegisterForReflection
public record GatewayResponse(int statusCode, Map<String, String> headers, String body) {

    private static final Map<String, String> JSON_HEADERS = Map.of("content-type", "application/json");
    /** The adapter's own JSON: flat objects of strings, nothing configured. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response whose body is the JSON object of {@code fields}, in their order. */
    public static GatewayResponse json(int statusCode, Map<String, String> fields) {
        ObjectNode body = JSON.createObjectNode();
        fields.forEach(body::put);
        return json(statusCode, body);
    }

    /** An error of the contract: {@code {"error": code}}, and a {@code message} where one helps the caller. */
    public static GatewayResponse error(ApiError error, String message) {
        ObjectNode body = JSON.createObjectNode().put("error", error.code());
        if (message != null) {
            body.put("message", message);
        }
        return json(error.status(), body);
    }

    /** A response whose body is {@code body}. */
    public static GatewayResponse json(int statusCode, JsonNode body) {
        return new GatewayResponse(statusCode, JSON_HEADERS, body.toString());
    }
}
