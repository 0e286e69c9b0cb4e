package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Vapi's body: {@code {"message": {...}}} ({@code ServerMessage} in Vapi's spec). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerMessageEnvelope(ServerMessage message) {
}
