package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;

/** A Twilio number (`CreateTwilioPhoneNumberDTO`, `TwilioPhoneNumber`). Its auth token and API secret are {@link Secret}s: bound, never printed. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TwilioPhoneNumber(
        String provider,
        String id,
        String orgId,
        Instant createdAt,
        Instant updatedAt,
        String status,
        String name,
        String number,
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
