package io.github.vapisessionwebhook.function;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * An API Gateway Lambda proxy response; both payload formats (1.0 and 2.0) read these fields.
 * A direct invocation gets the same object back.
 */
@RegisterForReflection
public record GatewayResponse(int statusCode, Map<String, String> headers, String body) {

    static final Map<String, String> JSON_HEADERS = Map.of("content-type", "application/json");

    public static GatewayResponse json(int statusCode, String body) {
        return new GatewayResponse(statusCode, JSON_HEADERS, body);
    }
}
