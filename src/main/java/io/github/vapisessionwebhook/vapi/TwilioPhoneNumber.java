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

/** A Twilio number (`CreateTwilioPhoneNumberDTO`, `TwilioPhoneNumber`). Its auth token and API secret are {@link Secret}s: bound, never printed. */
@RegisterForReflection
// Bound as itself once PhoneNumber.ByProvider has chosen it (the interface's binding is inherited).
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TwilioPhoneNumber(
        @JsonDeserialize(using = StrictJson.Text.class) String provider,
        @JsonDeserialize(using = StrictJson.Text.class) String id,
        String orgId,
        Instant createdAt,
        Instant updatedAt,
        String status,
        String name,
        @JsonDeserialize(using = StrictJson.Text.class) String number,
        String twilioAccountSid,
        Secret twilioAuthToken,
        String twilioApiKey,
        Secret twilioApiSecret,
        Boolean smsEnabled,
        String assistantId,
        String squadId,
        String workflowId,
        RawJson fallbackDestination,
        RawJson hooks,
        RawJson server,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) implements PhoneNumber {

    public static final String PROVIDER = "twilio";

    public TwilioPhoneNumber {
        unknown = UnknownProperties.of(unknown);
    }
}
