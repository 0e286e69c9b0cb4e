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
import java.util.Set;

/**
 * Vapi's {@code Call}, as far as a session record reasons about it: identifiers, state, times and
 * cost. {@code type}, {@code status} and {@code endedReason} stay strings because Vapi keeps adding
 * values (over 600 end reasons). The large configuration blocks are not modelled; they arrive in
 * {@link #unknown()} untouched ({@link #RAW_PROPERTIES}).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Call(
        @JsonDeserialize(using = StrictJson.Text.class) String id,
        String orgId,
        Instant createdAt,
        Instant updatedAt,
        String type,
        String status,
        String endedReason,
        String endedMessage,
        Instant startedAt,
        Instant endedAt,
        BigDecimal cost,
        String phoneCallProvider,
        String phoneCallTransport,
        String phoneCallProviderId,
        String assistantVersion,
        String campaignId,
        String assistantId,
        String squadId,
        String workflowId,
        String phoneNumberId,
        String customerId,
        String name,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {

    /** Spec properties deliberately kept raw: configuration and transcript blocks. */
    public static final Set<String> RAW_PROPERTIES = Set.of(
            "costs", "messages", "destination", "transport", "costBreakdown", "artifactPlan",
            "analysis", "monitor", "artifact", "compliance", "assistant", "assistantOverrides",
            "squad", "squadOverrides", "workflow", "workflowOverrides", "phoneNumber", "customer",
            "schedulePlan", "transfers", "variableValues");

    public Call {
        unknown = UnknownProperties.of(unknown);
    }
}
