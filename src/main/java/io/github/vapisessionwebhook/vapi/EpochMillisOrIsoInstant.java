package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The message {@code timestamp}: epoch milliseconds today (sometimes as a double in exponent
 * form), an ISO-8601 string in payloads from before 2025-04.
 */
public final class EpochMillisOrIsoInstant {

    private EpochMillisOrIsoInstant() {
    }

    @RegisterForReflection
    public static final class Deserializer extends StdDeserializer<Instant> {

        public Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal millis = parser.getDecimalValue();
                try {
                    // Sub-millisecond digits carry no meaning here; an out-of-range value is an error.
                    return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.FLOOR).longValueExact());
                } catch (ArithmeticException e) {
                    return (Instant) context.handleWeirdNumberValue(Instant.class, millis,
                            "epoch milliseconds out of range");
                }
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getText().trim();
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    return (Instant) context.handleWeirdStringValue(Instant.class, text,
                            "neither epoch milliseconds nor an ISO-8601 instant");
                }
            }
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
    }
}
