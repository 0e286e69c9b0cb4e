package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * {@code ServerMessageSessionCreated}, {@code ...Updated} and {@code ...Deleted} (one shape), bound
 * as far as a session record reads it. Everything else in the message (assistant, artifact, chat,
 * and the secrets some of them carry) is never bound, so it cannot reach a record or a log.
 */
@RegisterForReflection
public record SessionMessage(
        String type,
        @JsonDeserialize(using = EpochMillisOrIsoInstant.Deserializer.class) Instant timestamp,
        Session session,
        PhoneNumber phoneNumber,
        Call call,
        Customer customer) {
}
