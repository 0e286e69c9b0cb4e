package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** Vapi's {@code Session} (a Chat API session), as far as a session record reads it. */
@RegisterForReflection
public record Session(
        @JsonDeserialize(using = StrictJson.Text.class) String id,
        @JsonDeserialize(using = StrictJson.Text.class) String orgId,
        @JsonDeserialize(using = StrictJson.DateTime.class) Instant createdAt,
        @JsonDeserialize(using = StrictJson.DateTime.class) Instant updatedAt,
        @JsonDeserialize(using = StrictJson.Text.class) String name,
        // Vapi documents active and completed; a value it adds later is kept as sent.
        @JsonDeserialize(using = StrictJson.Text.class) String status,
        Long expirationSeconds,
        @JsonDeserialize(using = StrictJson.Text.class) String assistantId,
        @JsonDeserialize(using = StrictJson.Text.class) String squadId,
        @JsonDeserialize(using = StrictJson.Text.class) String customerId,
        @JsonDeserialize(using = StrictJson.Text.class) String phoneNumberId,
        Customer customer,
        PhoneNumber phoneNumber) {
}
