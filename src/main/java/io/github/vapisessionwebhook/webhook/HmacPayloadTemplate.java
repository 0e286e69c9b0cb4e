package io.github.vapisessionwebhook.webhook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vapi's HMAC {@code payloadFormat}, parsed once at start-up into literal text and placeholders,
 * so that a delivery only fills in values. A {@code {word}} that is not one of Vapi's placeholders
 * would be signed literally by nobody: it is a configuration error, not a silent mismatch.
 */
final class HmacPayloadTemplate {

    /** The placeholders of Vapi's {@code HMACAuthenticationPlan.payloadFormat}, each with its value. */
    enum Placeholder {
        BODY("{body}", Values::body),
        TIMESTAMP("{timestamp}", values -> utf8(values.timestamp())),
        METHOD("{method}", values -> utf8(values.method())),
        URL("{url}", values -> utf8(values.url())),
        MESSAGE_ID("{svix-id}", values -> utf8(values.messageId()));

        private final String token;
        private final Function<Values, byte[]> value;

        Placeholder(String token, Function<Values, byte[]> value) {
            this.token = token;
            this.value = value;
        }

        static Placeholder of(String token) {
            for (Placeholder placeholder : values()) {
                if (placeholder.token.equals(token)) {
                    return placeholder;
                }
            }
            return null;
        }
    }

    /** What one delivery puts in the placeholders (the raw body bytes, the rest as text). */
    record Values(byte[] body, String timestamp, String method, String url, String messageId) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_-]+}");

    /** Literal text (UTF-8 bytes) and placeholders, in order. */
    private final List<Object> parts;
    private final Set<Placeholder> used;

    private HmacPayloadTemplate(List<Object> parts, Set<Placeholder> used) {
        this.parts = parts;
        this.used = used;
    }

    /** @throws IllegalStateException naming {@code setting} for an unknown placeholder */
    static HmacPayloadTemplate parse(String template, String setting) {
        List<Object> parts = new ArrayList<>();
        Set<Placeholder> used = EnumSet.noneOf(Placeholder.class);
        Matcher matcher = PLACEHOLDER.matcher(template);
        int position = 0;
        while (matcher.find()) {
            Placeholder placeholder = Placeholder.of(matcher.group());
            if (placeholder == null) {
                throw new IllegalStateException(setting + " has the unknown placeholder " + matcher.group()
                        + "; Vapi's are {body}, {timestamp}, {method}, {url} and {svix-id}");
            }
            literal(parts, template.substring(position, matcher.start()));
            parts.add(placeholder);
            used.add(placeholder);
            position = matcher.end();
        }
        literal(parts, template.substring(position));
        return new HmacPayloadTemplate(List.copyOf(parts), used);
    }

    boolean uses(Placeholder placeholder) {
        return used.contains(placeholder);
    }

    /** The bytes to sign: UTF-8 text around the raw body bytes. */
    byte[] render(Values values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(values.body().length + 256);
        parts.forEach(part -> out.writeBytes(part instanceof Placeholder placeholder ? placeholder.value.apply(values) : (byte[]) part));
        return out.toByteArray();
    }

    private static void literal(List<Object> parts, String text) {
        if (!text.isEmpty()) {
            parts.add(utf8(text));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
