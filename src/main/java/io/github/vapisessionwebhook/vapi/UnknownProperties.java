package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Properties a payload carried that the model does not declare: Vapi's payloads drift ahead of its
 * spec, so they are kept (for a later feature, and so that a message serialises back whole) rather
 * than dropped. Every model record takes them in a {@code Map} component marked
 * {@code @JsonAnySetter @JsonAnyGetter} and stores a copy of this type, whose {@link #toString()}
 * prints only the names: the values may hold secrets.
 */
@RegisterForReflection
public final class UnknownProperties extends LinkedHashMap<String, JsonNode> {

    private UnknownProperties() {
    }

    /** The properties Jackson collected (none when it passed {@code null}). */
    public static UnknownProperties of(Map<String, JsonNode> collected) {
        UnknownProperties properties = new UnknownProperties();
        if (collected != null) {
            properties.putAll(collected);
        }
        return properties;
    }

    @Override
    public String toString() {
        return keySet().toString();
    }
}
