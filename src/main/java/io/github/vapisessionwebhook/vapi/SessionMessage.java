package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;

/**
 * {@code ServerMessageSessionCreated}, {@code ...Updated} and {@code ...Deleted}: the three share
 * one shape, and the server variant (what a Server URL receives) is a superset of the client one.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionMessage(
        String type,
        @JsonDeserialize(using = EpochMillisOrIsoInstant.Deserializer.class)
        Instant timestamp,
        Session session,
        PhoneNumber phoneNumber,
        String assistantVersion,
        Call call,
        Customer customer,
        Assistant assistant,
        RawJson artifact,
        RawJson chat,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) implements ServerMessage {

    public SessionMessage {
        unknown = UnknownProperties.of(unknown);
    }
}
