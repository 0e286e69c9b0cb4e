package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The phone number a message or session refers to: one of Vapi's five providers, chosen by
 * {@code provider} (the spec declares no discriminator, so the binding names one), or
 * {@link UnknownPhoneNumber} for a provider this code does not know yet or none at all.
 * Real payloads carry the stored entity, so the entity's {@code id}, {@code orgId}, times and
 * {@code status} are modelled besides the create-DTO fields.
 */
@RegisterForReflection
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "provider",
        visible = true, defaultImpl = UnknownPhoneNumber.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = ByoPhoneNumber.class, name = ByoPhoneNumber.PROVIDER),
        @JsonSubTypes.Type(value = TwilioPhoneNumber.class, name = TwilioPhoneNumber.PROVIDER),
        @JsonSubTypes.Type(value = VonagePhoneNumber.class, name = VonagePhoneNumber.PROVIDER),
        @JsonSubTypes.Type(value = VapiPhoneNumber.class, name = VapiPhoneNumber.PROVIDER),
        @JsonSubTypes.Type(value = TelnyxPhoneNumber.class, name = TelnyxPhoneNumber.PROVIDER)
})
public sealed interface PhoneNumber
        permits ByoPhoneNumber, TwilioPhoneNumber, VonagePhoneNumber, VapiPhoneNumber, TelnyxPhoneNumber,
        UnknownPhoneNumber {

    String provider();

    String id();

    /** The number on Vapi's side, E.164 where the provider has one. */
    String number();
}
