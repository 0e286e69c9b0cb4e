package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * The assistant's model, voice or transcriber: which provider and which model or voice. The rest
 * of each (prompts, tools, keys) is kept raw in {@link #unknown()}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderModel(
        String provider,
        String model,
        String voiceId,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {

    public ProviderModel {
        unknown = UnknownProperties.of(unknown);
    }
}
