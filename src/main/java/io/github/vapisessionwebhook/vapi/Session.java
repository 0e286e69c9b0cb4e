package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Vapi's {@code Session} schema: a Chat API session. Configuration blocks (assistant overrides,
 * squad, messages, costs, artifact) stay raw.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Session(
        @JsonDeserialize(using = StrictJson.Text.class) String id,
        @JsonDeserialize(using = StrictJson.Text.class) String orgId,
        @JsonDeserialize(using = StrictJson.DateTime.class) Instant createdAt,
        @JsonDeserialize(using = StrictJson.DateTime.class) Instant updatedAt,
        BigDecimal cost,
        RawJson costs,
        @JsonDeserialize(using = StrictJson.Text.class) String name,
        SessionStatus status,
        Long expirationSeconds,
        @JsonDeserialize(using = StrictJson.Text.class) String assistantId,
        Assistant assistant,
        RawJson assistantOverrides,
        @JsonDeserialize(using = StrictJson.Text.class) String squadId,
        RawJson squad,
        RawJson messages,
        Customer customer,
        @JsonDeserialize(using = StrictJson.Text.class) String customerId,
        @JsonDeserialize(using = StrictJson.Text.class) String phoneNumberId,
        PhoneNumber phoneNumber,
        RawJson artifact,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {

    public Session {
        unknown = UnknownProperties.of(unknown);
    }
}
