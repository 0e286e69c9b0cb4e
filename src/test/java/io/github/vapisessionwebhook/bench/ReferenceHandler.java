package io.github.vapisessionwebhook.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The cold-start reference: a plain Lambda handler with no framework and no store, run by the same
 * runtime interface client. It parses the gateway event and its body with Jackson and answers 200,
 * so its launch-to-first-response is what the JVM and the runtime client cost by themselves.
 */
public final class ReferenceHandler implements RequestStreamHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = MAPPER.readTree(input);
        JsonNode body = MAPPER.readTree(event.path("body").asText());
        String answer = MAPPER.writeValueAsString(Map.of("type", body.path("message").path("type").asText()));
        MAPPER.writeValue(output, Map.of("statusCode", 200, "body", answer));
    }
}
