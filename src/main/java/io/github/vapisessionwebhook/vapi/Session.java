package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
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
        String id,
        String orgId,
        Instant createdAt,
        Instant updatedAt,
        BigDecimal cost,
        RawJson costs,
        String name,
        SessionStatus status,
        Long expirationSeconds,
        String assistantId,
        Assistant assistant,
        RawJson assistantOverrides,
        String squadId,
        RawJson squad,
        RawJson messages,
        Customer customer,
        String customerId,
        String phoneNumberId,
        PhoneNumber phoneNumber,
        RawJson artifact,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {

    public Session {
        unknown = UnknownProperties.of(unknown);
    }
}
