package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code Session.status}. Vapi documents {@code active} and {@code completed}; a value it adds
 * later is kept as sent instead of failing the message.
 */
@RegisterForReflection
public record SessionStatus(@JsonValue @JsonDeserialize(using = StrictJson.Text.class) String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SessionStatus {
    }

    @Override
    public String toString() {
        return value;
    }
}
