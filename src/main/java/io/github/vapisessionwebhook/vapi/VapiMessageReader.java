package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Turns a body into a {@link VapiMessage}. Vapi's envelope {@code {"message": ...}} is bound in one
 * pass, the message type choosing the model while the body streams by; a bare message (no
 * envelope) is read through a tree. Every refusal is an {@link InvalidMessageException} naming the
 * field path, never a payload value.
 */
@ApplicationScoped
public class VapiMessageReader {

    private static final String ROOT = "message";
    /** Stands for a {@code type} that is present but not a string. */
    private static final JsonNode MISSHAPEN_TYPE = JsonNodeFactory.instance.booleanNode(false);

    private final ObjectMapper mapper;
    private final ObjectReader envelopeReader;

    public VapiMessageReader() {
        this.mapper = VapiJson.newMapper();
        // Trailing content is checked by hand after the value, to report it as invalid JSON.
        this.envelopeReader = mapper.readerFor(ServerMessageEnvelope.class)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads raw body bytes. They are decoded as strict UTF-8 first: Jackson's own decoder lets
     * overlong and other malformed sequences through, a classic way to smuggle text past filters.
     */
    public VapiMessage read(byte[] body) {
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
        return read(text.array(), text.arrayOffset(), text.remaining());
    }

    /** Reads a body that is already text (a gateway body that was not base64-encoded). */
    public VapiMessage read(String body) {
        if (body.isEmpty()) {
            throw InvalidMessageException.invalidJson("the body is empty");
        }
        char[] text = body.toCharArray();
        return read(text, 0, text.length);
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
            return checked(mapper.treeToValue(message, SessionMessage.class));
        } catch (JsonMappingException e) {
            throw InvalidMessageException.invalidField(ROOT + path(e), "must be " + expected(e));
        } catch (JacksonException e) {
            throw InvalidMessageException.invalidField(ROOT, "could not be read");
        }
    }

    private VapiMessage read(char[] text, int offset, int length) {
        ServerMessage message;
        try (JsonParser parser = mapper.getFactory().createParser(text, offset, length)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw InvalidMessageException.invalidJson("the body is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                requireEnd(parser);
                throw InvalidMessageException.invalidJson("the body must be a JSON object");
            }
            message = envelopeReader.readValue(parser, ServerMessageEnvelope.class).message();
            requireEnd(parser);
        } catch (IOException e) {
            throw refusal(e);
        }
        if (message == null) {
            // No envelope (a bare message) or "message": null: the rare case, read through a tree.
            return read(parseTree(text, offset, length));
        }
        if (message instanceof OtherServerMessage other) {
            // Jackson turns any scalar type id into text; the raw token tells a number from a name.
            JsonToken token = typeToken(text, offset, length);
            return other(token == JsonToken.VALUE_STRING ? other.type()
                    : token == null || token == JsonToken.VALUE_NULL ? null : MISSHAPEN_TYPE);
        }
        return checked((SessionMessage) message);
    }

    /** Parse errors surface wrapped in binding errors when they happen inside a property. */
    private static InvalidMessageException refusal(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException) {
                return InvalidMessageException.invalidJson(
                        "the body exceeds a parsing limit (nesting depth, string or number length)");
            }
            if (cause instanceof StreamReadException streamError) {
                return InvalidMessageException.invalidJson(describe(streamError));
            }
        }
        if (e instanceof JsonMappingException binding && !binding.getPath().isEmpty()) {
            return InvalidMessageException.invalidField(path(binding).substring(1), "must be " + expected(binding));
        }
        return InvalidMessageException.invalidJson("the body is not valid JSON");
    }

    /** The token of {@code message.type}, found by skipping over everything else. */
    private JsonToken typeToken(char[] text, int offset, int length) {
        try (JsonParser parser = mapper.getFactory().createParser(text, offset, length)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean envelope = ROOT.equals(parser.currentName());
                if (parser.nextToken() == JsonToken.START_OBJECT && envelope) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        boolean type = "type".equals(parser.currentName());
                        JsonToken value = parser.nextToken();
                        if (type) {
                            return value;
                        }
                        parser.skipChildren();
                    }
                    return null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private JsonNode parseTree(char[] text, int offset, int length) {
        try (JsonParser parser = mapper.getFactory().createParser(text, offset, length)) {
            return mapper.readTree(parser);
        } catch (IOException e) {
            throw InvalidMessageException.invalidJson("the body is not valid JSON");
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw InvalidMessageException.invalidJson("the body has content after its JSON value");
        }
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
        if (target == String.class || target == SessionStatus.class) {
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
