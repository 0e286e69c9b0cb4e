package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;

/**
 * The phone number a message or session refers to: one of Vapi's five providers, chosen by
 * {@code provider} (the spec declares no discriminator, so the binding names one), or
 * {@link UnknownPhoneNumber} for a provider this code does not know yet or none at all.
 * Real payloads carry the stored entity, so the entity's {@code id}, {@code orgId}, times and
 * {@code status} are modelled besides the create-DTO fields.
 */
@RegisterForReflection
@JsonDeserialize(using = PhoneNumber.ByProvider.class)
public sealed interface PhoneNumber
        permits ByoPhoneNumber, TwilioPhoneNumber, VonagePhoneNumber, VapiPhoneNumber, TelnyxPhoneNumber,
        UnknownPhoneNumber {

    String provider();

    String id();

    /** The number on Vapi's side, E.164 where the provider has one. */
    String number();

    /**
     * Chooses the class by {@code provider}. Jackson's own type-id handling would read
     * {@code "provider": 5} as the text "5"; the provider is stored, so it must be a JSON string.
     */
    @RegisterForReflection
    final class ByProvider extends StdDeserializer<PhoneNumber> {

        public ByProvider() {
            super(PhoneNumber.class);
        }

        @Override
        public PhoneNumber deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return (PhoneNumber) context.handleUnexpectedToken(PhoneNumber.class, parser);
            }
            JsonNode number = context.readTree(parser);
            JsonNode provider = number.get("provider");
            if (provider != null && !provider.isNull() && !provider.isTextual()) {
                MismatchedInputException notText = MismatchedInputException.from(parser, String.class,
                        "provider must be a string");
                throw JsonMappingException.wrapWithPath(notText, number, "provider");
            }
            return context.readTreeAsValue(number, classOf(provider == null ? null : provider.textValue()));
        }

        private static Class<? extends PhoneNumber> classOf(String provider) {
            if (provider == null) {
                return UnknownPhoneNumber.class;
            }
            return switch (provider) {
                case ByoPhoneNumber.PROVIDER -> ByoPhoneNumber.class;
                case TwilioPhoneNumber.PROVIDER -> TwilioPhoneNumber.class;
                case VonagePhoneNumber.PROVIDER -> VonagePhoneNumber.class;
                case VapiPhoneNumber.PROVIDER -> VapiPhoneNumber.class;
                case TelnyxPhoneNumber.PROVIDER -> TelnyxPhoneNumber.class;
                default -> UnknownPhoneNumber.class;
            };
        }
    }
}
