package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Any message type this function does not record (status-update, end-of-call-report, ...): only
 * {@code type} is read, kept as sent so that a malformed one can be reported; the rest is skipped.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record OtherServerMessage(JsonNode type) implements ServerMessage {
}
