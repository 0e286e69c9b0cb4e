package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.Set;

/**
 * Vapi's {@code CreateAssistantDTO} (a transient or resolved assistant; it has no id): what
 * identifies it and which providers it runs on. Everything else, credentials and server blocks
 * included, stays raw in {@link #unknown()} ({@link #RAW_PROPERTIES}).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assistant(
        String name,
        RawJson metadata,
        String firstMessage,
        String firstMessageMode,
        ProviderModel model,
        ProviderModel voice,
        ProviderModel transcriber,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {

    /** Spec properties deliberately kept raw (never stored; some carry credentials). */
    public static final Set<String> RAW_PROPERTIES = Set.of(
            "firstMessageInterruptionsEnabled", "voicemailDetection", "clientMessages",
            "serverMessages", "maxDurationSeconds", "backgroundSound", "modelOutputInMessagesEnabled",
            "transportConfigurations", "observabilityPlan", "credentials", "hooks", "voicemailMessage",
            "endCallMessage", "endCallPhrases", "compliancePlan", "backgroundSpeechDenoisingPlan",
            "analysisPlan", "artifactPlan", "startSpeakingPlan", "stopSpeakingPlan", "monitorPlan",
            "credentialIds", "server", "keypadInputPlan");

    public Assistant {
        unknown = UnknownProperties.of(unknown);
    }
}
