package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The phone number a message or session refers to, whichever of Vapi's providers it is
 * ({@code byo-phone-number}, {@code twilio}, {@code vonage}, {@code vapi}, {@code telnyx}, or one
 * added later): the fields every provider's number shares and a record keeps. Provider-specific
 * fields (among them Twilio's auth token and API secret) are never bound.
 */
@RegisterForReflection
public record PhoneNumber(
        @JsonDeserialize(using = StrictJson.Text.class) String provider,
        @JsonDeserialize(using = StrictJson.Text.class) String id,
        @JsonDeserialize(using = StrictJson.Text.class) String number) {
}
