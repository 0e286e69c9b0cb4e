package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * A phone number whose {@code provider} this code does not know (a provider Vapi added later) or
 * that names none ({@code Session.phoneNumber} is declared as an import DTO without one). The
 * common identifiers are read; everything else is kept in {@link #unknown()}.
 */
@RegisterForReflection
// Bound as itself once PhoneNumber.ByProvider has chosen it (the interface's binding is inherited).
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnknownPhoneNumber(
        @JsonDeserialize(using = StrictJson.Text.class) String provider,
        @JsonDeserialize(using = StrictJson.Text.class) String id,
        @JsonDeserialize(using = StrictJson.Text.class) String number,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) implements PhoneNumber {

    public UnknownPhoneNumber {
        unknown = UnknownProperties.of(unknown);
    }
}
