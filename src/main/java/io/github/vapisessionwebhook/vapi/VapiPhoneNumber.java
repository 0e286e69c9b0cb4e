package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;

/** A free Vapi SIP number (`CreateVapiPhoneNumberDTO`, `VapiPhoneNumber`). Its SIP `authentication` holds a password: raw, never printed. */
@RegisterForReflection
// Bound as itself once PhoneNumber.ByProvider has chosen it (the interface's binding is inherited).
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VapiPhoneNumber(
        @JsonDeserialize(using = StrictJson.Text.class) String provider,
        @JsonDeserialize(using = StrictJson.Text.class) String id,
        String orgId,
        Instant createdAt,
        Instant updatedAt,
        String status,
        String name,
        @JsonDeserialize(using = StrictJson.Text.class) String number,
        String numberDesiredAreaCode,
        String sipUri,
        RawJson authentication,
        String assistantId,
        String squadId,
        String workflowId,
        RawJson fallbackDestination,
        RawJson hooks,
        RawJson server,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) implements PhoneNumber {

    public static final String PROVIDER = "vapi";

    public VapiPhoneNumber {
        unknown = UnknownProperties.of(unknown);
    }
}
