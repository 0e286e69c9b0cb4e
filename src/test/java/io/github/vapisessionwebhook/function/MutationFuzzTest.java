package io.github.vapisessionwebhook.function;

import io.github.vapisessionwebhook.gateway.GatewayResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.Credential;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.WiredFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutates valid session messages (bytes and JSON trees) and runs each through the whole handler:
 * gateway event in, response out, under each authentication mode with the credential Vapi would
 * send. Whatever the mutation, the answer is a contract status (never a 5xx or a thrown
 * exception), and a refused message stores nothing.
 */
class MutationFuzzTest {

    private static final Set<Integer> CONTRACT = Set.of(200, 400, 413);

    private final InMemorySessionRepository repository = new InMemorySessionRepository();
    private final Map<Credential, SessionWebhookFunction> functions = new EnumMap<>(Credential.class);

    MutationFuzzTest() {
        for (Credential credential : Credential.values()) {
            functions.put(credential, WiredFunction.with(credential, repository));
        }
    }

    @Property(tries = 600)
    void mutatedBytesGetAContractAnswer(@ForAll("seeds") long seed, @ForAll Credential credential) {
        Random random = new Random(seed);
        String id = UUID.randomUUID().toString();
        byte[] body = Payloads.text(Payloads.session(randomType(random), id, "2026-08-01T12:00:00.000Z"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] mutated = mutateBytes(body, random);
        ObjectNode event = Payloads.event("http-api-session-created.json");
        event.put("body", Base64.getEncoder().encodeToString(mutated));
        event.put("isBase64Encoded", true);
        credential.authorise(event);
        assertAnswered(credential, event, id);
    }

    @Property(tries = 600)
    void mutatedTreesGetAContractAnswer(@ForAll("seeds") long seed, @ForAll Credential credential) {
        Random random = new Random(seed);
        String id = UUID.randomUUID().toString();
        ObjectNode body = Payloads.session(randomType(random), id, "2026-08-01T12:00:00.000Z");
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            mutateTree(body, random);
        }
        if (random.nextBoolean()) {
            ObjectNode event = Payloads.event("rest-api-session-updated.json");
            event.put("body", Payloads.text(body));
            credential.authorise(event);
            assertAnswered(credential, event, id);
        } else {
            assertAnswered(credential, body, id);
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private void assertAnswered(Credential credential, JsonNode event, String id) {
        GatewayResponse response = functions.get(credential).handle(event);
        assertTrue(CONTRACT.contains(response.statusCode()), response.statusCode() + " " + response.body());
        assertEquals("application/json", response.headers().get("content-type"));
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            assertTrue(body.has("error"), response.body());
            assertTrue(repository.findById(id).isEmpty(), "refused but stored: " + response.body());
        } else {
            assertTrue(body.has("result"), response.body());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Payloads.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("response body is not JSON: " + json, e);
        }
    }

    private static String randomType(Random random) {
        String[] types = {"session.created", "session.updated", "session.deleted", "status-update"};
        return types[random.nextInt(types.length)];
    }

    private static byte[] mutateBytes(byte[] body, Random random) {
        byte[] out = body.clone();
        switch (random.nextInt(5)) {
            case 0 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            case 1 -> {
                int from = random.nextInt(out.length);
                int to = Math.min(out.length, from + 1 + random.nextInt(40));
                byte[] shorter = new byte[out.length - (to - from)];
                System.arraycopy(out, 0, shorter, 0, from);
                System.arraycopy(out, to, shorter, from, out.length - to);
                out = shorter;
            }
            case 2 -> {
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                int at = random.nextInt(out.length);
                byte[] longer = new byte[out.length + noise.length];
                System.arraycopy(out, 0, longer, 0, at);
                System.arraycopy(noise, 0, longer, at, noise.length);
                System.arraycopy(out, at, longer, at + noise.length, out.length - at);
                out = longer;
            }
            case 3 -> {
                byte[] cut = new byte[random.nextInt(out.length)];
                System.arraycopy(out, 0, cut, 0, cut.length);
                out = cut;
            }
            default -> {
                for (int i = 0; i < 8; i++) {
                    out[random.nextInt(out.length)] = "{}[]\",:\\".getBytes(StandardCharsets.UTF_8)[random.nextInt(8)];
                }
            }
        }
        return out;
    }

    private static void mutateTree(ObjectNode root, Random random) {
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(root, containers);
        ContainerNode<?> target = containers.get(random.nextInt(containers.size()));
        JsonNode replacement = randomValue(random);
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(4) == 0) {
                object.remove(name);
            } else {
                object.set(name, replacement);
            }
        } else if (target instanceof ArrayNode array && array.size() > 0) {
            array.set(random.nextInt(array.size()), replacement);
        }
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> into) {
        if (node instanceof ContainerNode<?> container) {
            into.add(container);
            node.elements().forEachRemaining(child -> collect(child, into));
        }
    }

    private static JsonNode randomValue(Random random) {
        var nodes = Payloads.JSON.getNodeFactory();
        return switch (random.nextInt(10)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.numberNode(random.nextLong());
            case 2 -> nodes.numberNode(random.nextDouble() * 1e300);
            case 3 -> nodes.textNode("");
            case 4 -> nodes.textNode("x".repeat(random.nextInt(3000)));
            case 5 -> nodes.booleanNode(random.nextBoolean());
            case 6 -> nodes.arrayNode().add(1).add("two");
            case 7 -> nodes.objectNode().put("provider", "twilio").put("number", 5);
            case 8 -> nodes.textNode("2026-02-30T25:61:00Z");
            default -> nodes.textNode(UUID.randomUUID().toString());
        };
    }
}
