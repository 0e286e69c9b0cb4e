package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/** Vapi's OpenAPI description, from the copy kept in test resources. */
final class VapiSpec {

    private static final JsonNode SCHEMAS = load().path("components").path("schemas");

    private VapiSpec() {
    }

    static JsonNode schema(String name) {
        JsonNode schema = SCHEMAS.get(name);
        if (schema == null) {
            throw new AssertionError("the spec has no schema " + name);
        }
        return schema;
    }

    static Set<String> properties(String schemaName) {
        Set<String> names = new LinkedHashSet<>();
        schema(schemaName).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Follows {@code $ref}, and the single-element {@code allOf} the spec uses to attach descriptions. */
    static JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 10; hops++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = schema(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    private static JsonNode load() {
        try (InputStream in = VapiSpec.class.getResourceAsStream("/vapi/openapi.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
