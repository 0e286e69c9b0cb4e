package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Vapi's {@code Call}, as far as a session record reads it: its id. */
@RegisterForReflection
public record Call(@JsonDeserialize(using = StrictJson.Text.class) String id) {
}
