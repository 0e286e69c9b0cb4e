package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.vapisessionwebhook.session.SessionEventType;
import jakarta.enterprise.context.ApplicationScoped;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Turns a body into a {@link VapiMessage}: parses it once into a tree, finds the message (inside
 * Vapi's {@code {"message": ...}} envelope, or bare), and binds session events to the model. Every
 * refusal is an {@link InvalidMessageException} naming the field path, never a payload value.
 */
@ApplicationScoped
public class VapiMessageReader {

    private static final String ROOT = "message";

    private final ObjectMapper mapper;

    public VapiMessageReader() {
        this.mapper = VapiJson.newMapper();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Parses raw body bytes. The bytes are decoded as strict UTF-8 first: Jackson's own decoder lets
     * overlong and other malformed sequences through, and those are a classic way to smuggle text
     * past filters.
     */
    public JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw InvalidMessageException.invalidJson("the body is empty");
        }
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw InvalidMessageException.invalidJson("the body is not valid UTF-8");
        }
        return parse(text.array(), text.arrayOffset(), text.remaining());
    }

    /** Parses a body that is already text (a gateway body that was not base64-encoded). */
    public JsonNode parse(String body) {
        if (body.isEmpty()) {
            throw InvalidMessageException.invalidJson("the body is empty");
        }
        char[] text = body.toCharArray();
        return parse(text, 0, text.length);
    }

    private JsonNode parse(char[] text, int offset, int length) {
        try (JsonParser parser = mapper.getFactory().createParser(text, offset, length)) {
            JsonNode root = mapper.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw InvalidMessageException.invalidJson("the body is empty");
            }
            if (parser.nextToken() != null) {
                throw InvalidMessageException.invalidJson("the body has content after its JSON value");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw InvalidMessageException.invalidJson("the body exceeds a parsing limit (nesting depth, string or number length)");
        } catch (StreamReadException e) {
            throw InvalidMessageException.invalidJson(describe(e));
        } catch (IOException e) {
            throw InvalidMessageException.invalidJson("the body is not valid JSON");
        }
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
        if (type == null || type.isNull()) {
            throw InvalidMessageException.invalidField(ROOT + ".type", "is required");
        }
        if (!type.isTextual() || type.textValue().isBlank()) {
            throw InvalidMessageException.invalidField(ROOT + ".type", "must be a non-empty string");
        }
        return SessionEventType.fromWireName(type.textValue())
                .<VapiMessage>map(eventType -> new VapiMessage.SessionEvent(eventType, bind(message)))
                .orElseGet(() -> new VapiMessage.Other(type.textValue()));
    }

    private SessionMessage bind(JsonNode message) {
        SessionMessage bound;
        try {
            bound = mapper.treeToValue(message, SessionMessage.class);
        } catch (JsonMappingException e) {
            throw InvalidMessageException.invalidField(path(e), "must be " + expected(e));
        } catch (JacksonException e) {
            throw InvalidMessageException.invalidField(ROOT, "could not be read");
        }
        Session session = bound.session();
        if (session == null) {
            throw InvalidMessageException.invalidField(ROOT + ".session", "is required");
        }
        requireText(session.id(), "id");
        requireText(session.orgId(), "orgId");
        requirePresent(session.createdAt(), "createdAt");
        requirePresent(session.updatedAt(), "updatedAt");
        return bound;
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

    private static String path(JsonMappingException e) {
        String inner = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        return ROOT + inner;
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
        if (target == String.class || target == SessionStatus.class || target == Secret.class) {
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
        if (detail != null && detail.contains("UTF-8")) {
            return "the body is not valid UTF-8";
        }
        if (e.getLocation() == null) {
            return "the body is not valid JSON";
        }
        return "the body is not valid JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
