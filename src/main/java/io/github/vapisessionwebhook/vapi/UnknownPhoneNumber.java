package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * A phone number whose {@code provider} this code does not know (a provider Vapi added later) or
 * that names none ({@code Session.phoneNumber} is declared as an import DTO without one). The
 * common identifiers are read; everything else is kept in {@link #unknown()}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnknownPhoneNumber(
        String provider,
        String id,
        String number,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) implements PhoneNumber {

    public UnknownPhoneNumber {
        unknown = UnknownProperties.of(unknown);
    }
}
