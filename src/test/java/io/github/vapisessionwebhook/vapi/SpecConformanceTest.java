package io.github.vapisessionwebhook.vapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.List;
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
 * The model against Vapi's spec (the copy in test resources). The model binds only what a session
 * record reads; each bound field must be a property Vapi declares, of the type it declares (an
 * example generated from the spec binds with every bound field set). For the session message's own
 * schemas, every declared property is bound or on the reviewed list of what the function does not
 * read, so a property Vapi adds fails here until someone decides whether a record keeps it.
 */
class SpecConformanceTest {

    private static final ObjectMapper MAPPER = VapiJson.newMapper();
    private static final Set<String> MESSAGE_NOT_READ = Set.of("assistantVersion", "artifact", "assistant", "chat");

    static Stream<Arguments> boundSchemas() {
        return Stream.of(
                Arguments.of("ServerMessageSessionCreated", SessionMessage.class, MESSAGE_NOT_READ),
                Arguments.of("ServerMessageSessionUpdated", SessionMessage.class, MESSAGE_NOT_READ),
                Arguments.of("ServerMessageSessionDeleted", SessionMessage.class, MESSAGE_NOT_READ),
                Arguments.of("Session", Session.class,
                        Set.of("cost", "costs", "assistant", "assistantOverrides", "squad", "messages", "artifact")),
                Arguments.of("CreateCustomerDTO", Customer.class, Set.of("numberE164CheckEnabled", "extension",
                        "assistantOverrides", "squadOverrides", "sipUri", "email", "externalId")),
                // Of a call and a phone number only their identifiers are read: no review of the rest.
                Arguments.of("Call", Call.class, null),
                Arguments.of("ByoPhoneNumber", PhoneNumber.class, null),
                Arguments.of("TwilioPhoneNumber", PhoneNumber.class, null),
                Arguments.of("VonagePhoneNumber", PhoneNumber.class, null),
                Arguments.of("VapiPhoneNumber", PhoneNumber.class, null),
                Arguments.of("TelnyxPhoneNumber", PhoneNumber.class, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundSchemas")
    void everyPropertyIsBoundOrReviewedAsNotRead(String schema, Class<?> model, Set<String> notRead) {
        Set<String> bound = Arrays.stream(model.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
        Set<String> declared = VapiSpec.properties(schema);
        Set<String> renamed = new TreeSet<>(bound);
        renamed.removeAll(declared);
        assertEquals(Set.of(), renamed, model.getSimpleName() + " binds what " + schema + " no longer declares");
        if (notRead != null) {
            Set<String> undecided = new TreeSet<>(declared);
            undecided.removeAll(bound);
            undecided.removeAll(notRead);
            assertEquals(Set.of(), undecided, schema + " declares properties nobody decided on: bind and store them, "
                    + "or add them to the reviewed list");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundSchemas")
    void anExampleOfTheSpecBindsEveryBoundField(String schema, Class<?> model, Set<String> notRead) throws Exception {
        ObjectNode example = (ObjectNode) ExampleGenerator.generate(VapiSpec.schema(schema), 0);
        Object bound = MAPPER.treeToValue(example, model);
        for (RecordComponent component : model.getRecordComponents()) {
            assertNotNull(component.getAccessor().invoke(bound), schema + "." + component.getName()
                    + " did not bind from a value of the type the spec declares");
        }
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
