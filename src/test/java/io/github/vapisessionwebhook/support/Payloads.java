package io.github.vapisessionwebhook.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test payloads: the examples from Vapi's spec, and variations of them. */
public final class Payloads {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    public static ObjectNode resource(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the project's {@code events/} folder (what the README and sam local invoke use). */
    public static ObjectNode event(String name) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(Path.of("events", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full example as a message of {@code type} for session {@code id}, updated at {@code updatedAt}. */
    public static ObjectNode session(String type, String id, String updatedAt) {
        ObjectNode body = resource("session-created.full.json");
        ObjectNode message = (ObjectNode) body.get("message");
        message.put("type", type);
        ObjectNode session = (ObjectNode) message.get("session");
        session.put("id", id);
        session.put("updatedAt", updatedAt);
        return body;
    }

    /** A JSON object given as text (an event the tests built as text), to change it as a tree. */
    public static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode sessionNode(ObjectNode body) {
        return (ObjectNode) body.get("message").get("session");
    }

    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
