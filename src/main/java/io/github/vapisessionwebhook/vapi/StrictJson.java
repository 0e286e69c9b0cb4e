package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.time.Instant;

/**
 * Bindings for the fields the function requires or stores, where Vapi's spec says string: only a
 * JSON string is accepted. Jackson would otherwise turn {@code 42} or {@code true} into the text
 * {@code "42"} (and a number into an instant), and a record would hold a value Vapi never sent as
 * such. Fields that are neither required nor stored stay lenient.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Accepts a JSON string (or null, which Jackson handles before this) and refuses every other token. */
    private abstract static class StringsOnly<T> extends StdScalarDeserializer<T> {

        StringsOnly(Class<T> type) {
            super(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                return fromString(parser, context);
            }
            return (T) context.handleUnexpectedToken(handledType(), parser);
        }

        abstract T fromString(JsonParser parser, DeserializationContext context) throws IOException;
    }

    /** A string field. */
    @RegisterForReflection
    public static final class Text extends StringsOnly<String> {

        public Text() {
            super(String.class);
        }

        @Override
        String fromString(JsonParser parser, DeserializationContext context) throws IOException {
            return parser.getText();
        }
    }

    /** A date-time field: an ISO-8601 string, never epoch numbers. */
    @RegisterForReflection
    public static final class DateTime extends StringsOnly<Instant> {

        public DateTime() {
            super(Instant.class);
        }

        @Override
        Instant fromString(JsonParser parser, DeserializationContext context) throws IOException {
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
