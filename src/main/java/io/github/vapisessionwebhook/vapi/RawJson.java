package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A sub-object of a Vapi payload that the function keeps as it arrived without modelling it
 * (assistant configuration, overrides, artifacts, chat transcripts, server blocks). Such blocks can
 * carry credentials and personal data, so {@link #toString()} never shows their content.
 */
@RegisterForReflection
public record RawJson(@JsonValue JsonNode value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RawJson {
    }

    @Override
    public String toString() {
        return "RawJson[" + value.getNodeType() + "]";
    }
}
