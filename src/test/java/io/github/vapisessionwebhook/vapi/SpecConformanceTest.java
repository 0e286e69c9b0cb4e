package io.github.vapisessionwebhook.vapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model against Vapi's spec (the copy in test resources): every property a modelled schema
 * declares is bound by a named field or deliberately kept raw, and an example with every property
 * populated binds and serialises back without losing a field.
 */
class SpecConformanceTest {

    private static final ObjectMapper MAPPER = VapiJson.newMapper();

    static Stream<Arguments> modelledSchemas() {
        return Stream.of(
                Arguments.of("ServerMessageSessionCreated", SessionMessage.class, Set.of()),
                Arguments.of("ServerMessageSessionUpdated", SessionMessage.class, Set.of()),
                Arguments.of("ServerMessageSessionDeleted", SessionMessage.class, Set.of()),
                Arguments.of("ClientMessageSessionCreated", SessionMessage.class, Set.of()),
                Arguments.of("Session", Session.class, Set.of()),
                Arguments.of("Call", Call.class, Call.RAW_PROPERTIES),
                Arguments.of("CreateCustomerDTO", Customer.class, Set.of()),
                Arguments.of("CreateAssistantDTO", Assistant.class, Assistant.RAW_PROPERTIES),
                Arguments.of("CreateByoPhoneNumberDTO", ByoPhoneNumber.class, Set.of()),
                Arguments.of("ByoPhoneNumber", ByoPhoneNumber.class, Set.of()),
                Arguments.of("CreateTwilioPhoneNumberDTO", TwilioPhoneNumber.class, Set.of()),
                Arguments.of("TwilioPhoneNumber", TwilioPhoneNumber.class, Set.of()),
                Arguments.of("CreateVonagePhoneNumberDTO", VonagePhoneNumber.class, Set.of()),
                Arguments.of("VonagePhoneNumber", VonagePhoneNumber.class, Set.of()),
                Arguments.of("CreateVapiPhoneNumberDTO", VapiPhoneNumber.class, Set.of()),
                Arguments.of("VapiPhoneNumber", VapiPhoneNumber.class, Set.of()),
                Arguments.of("CreateTelnyxPhoneNumberDTO", TelnyxPhoneNumber.class, Set.of()),
                Arguments.of("TelnyxPhoneNumber", TelnyxPhoneNumber.class, Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelledSchemas")
    void everyDeclaredPropertyIsBoundOrDeliberatelyRaw(String schema, Class<?> model, Set<String> raw) {
        Set<String> named = Arrays.stream(model.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !name.equals("unknown")).collect(Collectors.toSet());
        Set<String> unhandled = new TreeSet<>(VapiSpec.properties(schema));
        unhandled.removeAll(named);
        unhandled.removeAll(raw);
        assertEquals(Set.of(), unhandled, schema + " declares properties that " + model.getSimpleName()
                + " neither binds nor lists as raw");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelledSchemas")
    void generatedExampleBindsAndSerialisesBackWhole(String schema, Class<?> model, Set<String> raw) throws Exception {
        ObjectNode example = (ObjectNode) ExampleGenerator.generate(VapiSpec.schema(schema), 0);
        Class<?> target = PhoneNumber.class.isAssignableFrom(model) ? PhoneNumber.class : model;
        Object bound = MAPPER.treeToValue(example, target);
        assertInstanceOf(model, bound);
        JsonNode back = MAPPER.readTree(MAPPER.writeValueAsString(bound));
        JsonNode original = MAPPER.readTree(MAPPER.writeValueAsString(example));
        if (back.path("timestamp").isTextual() && original.path("timestamp").isNumber()) {
            // Bound as an instant and written back as ISO-8601 (nothing in production writes it): the same instant.
            assertEquals(java.time.Instant.ofEpochMilli(original.get("timestamp").asLong()),
                    java.time.Instant.parse(back.get("timestamp").asText()));
            ((ObjectNode) back).set("timestamp", original.get("timestamp"));
        }
        assertEquals(original, back, () -> schema + " lost or changed fields: " + difference(original, back));
    }

    private static String difference(JsonNode original, JsonNode back) {
        Set<String> lost = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().equals(back.get(field.getKey()))) {
                lost.add(field.getKey() + "=" + field.getValue() + " -> " + back.get(field.getKey()));
            }
        }
        return lost.toString();
    }

    /** Builds a value for a schema with every declared property populated, to a bounded depth. */
    static final class ExampleGenerator {

        private static final int MAX_DEPTH = 4;

        static JsonNode generate(JsonNode schema, int depth) {
            JsonNode resolved = VapiSpec.resolve(schema);
            for (String choice : new String[] {"oneOf", "anyOf"}) {
                if (resolved.has(choice)) {
                    return generate(resolved.get(choice).get(0), depth);
                }
            }
            if (resolved.has("enum")) {
                return MAPPER.valueToTree(resolved.get("enum").get(0));
            }
            String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
            switch (type) {
                case "string":
                    return MAPPER.getNodeFactory().textNode(
                            "date-time".equals(resolved.path("format").asText()) ? "2026-08-01T12:00:00.123Z" : "text");
                case "number":
                case "integer":
                    return MAPPER.getNodeFactory().numberNode(resolved.has("minimum") ? resolved.get("minimum").asLong() : 7L);
                case "boolean":
                    return MAPPER.getNodeFactory().booleanNode(true);
                case "array": {
                    ArrayNode array = MAPPER.createArrayNode();
                    if (depth < MAX_DEPTH && resolved.has("items")) {
                        array.add(generate(resolved.get("items"), depth + 1));
                    }
                    return array;
                }
                default: {
                    ObjectNode object = MAPPER.createObjectNode();
                    if (depth < MAX_DEPTH) {
                        resolved.path("properties").fields().forEachRemaining(property ->
                                object.set(property.getKey(), generate(property.getValue(), depth + 1)));
                    }
                    return object;
                }
            }
        }
    }


    /**
     * The README's Vapi setup gives the backoffPlan to paste: it must be one Vapi's spec accepts, and
     * it must retry what the function answers when a delivery is worth retrying (5xx).
     */
    @Test
    void theReadmesBackoffPlanIsOneVapiAcceptsAndRetries5xx() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("Set a `backoffPlan`.*?```json\\s*(\\{.*?})\\s*```",
                Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README gives a backoffPlan as JSON");
        JsonNode plan = new ObjectMapper().readTree(block.group(1));
        JsonNode schema = VapiSpec.schema("BackoffPlan");
        plan.fieldNames().forEachRemaining(name -> assertTrue(
                schema.path("properties").has(name), name + " is not a BackoffPlan field"));
        schema.path("required").forEach(required -> assertTrue(
                plan.has(required.asText()), required.asText() + " is required"));
        JsonNode properties = schema.path("properties");
        assertTrue(StreamSupport.stream(
                properties.path("type").path("enum").spliterator(), false).anyMatch(plan.path("type")::equals));
        for (String number : List.of("maxRetries", "baseDelaySeconds")) {
            double value = plan.path(number).asDouble();
            assertTrue(value >= properties.path(number).path("minimum").asDouble()
                    && value <= properties.path(number).path("maximum").asDouble(), number + " out of Vapi's range");
        }
        assertTrue(plan.path("maxRetries").asInt() > 0, "a plan that retries");
        Set<Integer> excluded = new HashSet<>();
        plan.path("excludedStatusCodes").forEach(code -> excluded.add(code.asInt()));
        for (int retried : new int[] {500, 502, 503, 504, 429}) {
            assertFalse(excluded.contains(retried), retried + " must be retried");
        }
    }
}
