package io.github.vapisessionwebhook.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Sends one Lambda event to the function through Quarkus's mock event server and returns the
 * function's proxy response. An invocation error (the function threw) fails the test here.
 */
public final class Invoker {

    private Invoker() {
    }

    public static Response invoke(String lambdaEvent) {
        String output = given().contentType("application/json").body(lambdaEvent)
                .when().post()
                .then().statusCode(200)
                .extract().asString();
        try {
            JsonNode response = Payloads.JSON.readTree(output);
            if (response.has("errorType")) {
                throw new AssertionError("invocation error instead of a response: " + output);
            }
            return new Response(response.get("statusCode").asInt(), response.get("headers"),
                    response.get("body").asText(), Payloads.JSON.readTree(response.get("body").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proxy response: status, headers, the raw body string and the body parsed. */
    public record Response(int status, JsonNode headers, String rawBody, JsonNode body) {

        public String field(String name) {
            JsonNode value = body.get(name);
            return value == null ? null : value.asText();
        }
    }
}
