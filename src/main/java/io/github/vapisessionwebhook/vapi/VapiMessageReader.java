package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Turns a body into a {@link VapiMessage}: a tree (strict UTF-8, no repeated key, {@link VapiJson}'s
 * limits), then the message, with or without its envelope, bound by its {@code type}. A refusal is
 * an {@link InvalidMessageException} naming the field path, never a payload value.
 */
@ApplicationScoped
public class VapiMessageReader {

    private static final String ROOT = "message";
    /** Read once per model class: the JDK builds record components anew on every call. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> model) {
            return model.getRecordComponents();
        }
    };

    private final ObjectMapper mapper = VapiJson.newMapper();

    /**
     * Reads raw body bytes. They are decoded as strict UTF-8 first: Jackson's own decoder lets
     * overlong and other malformed sequences through, a classic way to smuggle text past filters.
     */
    public VapiMessage read(byte[] body) {
        try {
            return read(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            throw InvalidMessageException.invalidJson("the body is not valid UTF-8");
        }
    }

    /** Reads a body that is already text (a gateway body that was not base64-encoded). */
    public VapiMessage read(String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw refusal(e);
        }
        if (root == null || root.isMissingNode()) {
            throw InvalidMessageException.invalidJson("the body is empty");
        }
        return read(root);
    }

    /** Reads an already parsed body (a direct invocation arrives parsed). */
    public VapiMessage read(JsonNode root) {
        if (!root.isObject()) {
            throw InvalidMessageException.invalidJson("the body must be a JSON object");
        }
        JsonNode message = root.has(ROOT) ? root.get(ROOT) : root;
        if (!message.isObject()) {
            throw InvalidMessageException.invalidField(ROOT, "must be an object");
        }
        JsonNode type = message.get("type");
        if (type == null || !type.isTextual() || SessionEventType.fromWireName(type.textValue()).isEmpty()) {
            return other(type);
        }
        try {
            return checked(mapper.treeToValue(bound(message, SessionMessage.class), SessionMessage.class));
        } catch (JsonMappingException e) {
            throw InvalidMessageException.invalidField(ROOT + path(e), "must be " + expected(e));
        } catch (JacksonException e) {
            throw InvalidMessageException.invalidField(ROOT, "could not be read");
        }
    }

    /** Only what {@code model} binds, at every depth: binding then walks no transcript or assistant config. */
    private static JsonNode bound(JsonNode node, Class<?> model) {
        if (!node.isObject() || !model.isRecord()) {
            return node;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (RecordComponent component : COMPONENTS.get(model)) {
            JsonNode value = node.get(component.getName());
            if (value != null) {
                kept.set(component.getName(), bound(value, component.getType()));
            }
        }
        return kept;
    }

    private static InvalidMessageException refusal(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return InvalidMessageException.invalidJson("the body exceeds a parsing limit (nesting depth, string or number length)");
        }
        if (e instanceof StreamReadException streamError) {
            return InvalidMessageException.invalidJson(describe(streamError));
        }
        return InvalidMessageException.invalidJson("the body has content after its JSON value, or is not valid JSON");
    }

    private static VapiMessage other(JsonNode type) {
        if (type == null || type.isNull()) {
            throw InvalidMessageException.invalidField(ROOT + ".type", "is required");
        }
        if (!type.isTextual() || type.textValue().isBlank()) {
            throw InvalidMessageException.invalidField(ROOT + ".type", "must be a non-empty string");
        }
        return new VapiMessage.Other(type.textValue());
    }

    private static VapiMessage checked(SessionMessage message) {
        Session session = message.session();
        if (session == null) {
            throw InvalidMessageException.invalidField(ROOT + ".session", "is required");
        }
        requireText(session.id(), "id");
        requireText(session.orgId(), "orgId");
        requirePresent(session.createdAt(), "createdAt");
        requirePresent(session.updatedAt(), "updatedAt");
        SessionEventType type = SessionEventType.fromWireName(message.type()).orElseThrow();
        return new VapiMessage.SessionEvent(type, message);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidMessageException.invalidField(ROOT + ".session." + field, "is required");
        }
    }

    private static void requirePresent(Instant value, String field) {
        if (value == null) {
            throw InvalidMessageException.invalidField(ROOT + ".session." + field, "is required (ISO-8601 date-time)");
        }
    }

    /** The JSON path of a binding error below its root, as {@code .a.b[2]}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
    }

    /** What the field should have held, in words a sender understands (no class names). */
    private static String expected(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "a valid value";
        }
        if (target == Instant.class) {
            return "an ISO-8601 date-time";
        }
        if (target == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(target) || target == BigDecimal.class || target.isPrimitive()) {
            return "a number";
        }
        if (target == Boolean.class) {
            return "true or false";
        }
        return "an object";
    }

    private static String describe(StreamReadException e) {
        String detail = e.getOriginalMessage();
        if (detail != null && detail.startsWith("Duplicate field")) {
            return "the body repeats a key in one object";
        }
        if (e.getLocation() == null) {
            return "the body is not valid JSON";
        }
        return "the body is not valid JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
