package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A credential that travels inside a payload (Twilio auth token, API secret). Bound so that a
 * payload serialises back whole, but never printed: {@link #toString()} is redacted.
 */
@RegisterForReflection
public record Secret(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Secret {
    }

    @Override
    public String toString() {
        return "[redacted]";
    }
}
