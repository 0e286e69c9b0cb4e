package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/** Vapi's {@code CreateCustomerDTO}: who the session is with. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
        @JsonDeserialize(using = StrictJson.Text.class) String number,
        String extension,
        String sipUri,
        @JsonDeserialize(using = StrictJson.Text.class) String name,
        String email,
        String externalId,
        Boolean numberE164CheckEnabled,
        RawJson assistantOverrides,
        RawJson squadOverrides,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {

    public Customer {
        unknown = UnknownProperties.of(unknown);
    }

    /** Personal data stays out of logs: only which fields are present. */
    @Override
    public String toString() {
        return "Customer[number=" + (number == null ? "absent" : "present")
                + ", email=" + (email == null ? "absent" : "present")
                + ", externalId=" + externalId + "]";
    }
}
