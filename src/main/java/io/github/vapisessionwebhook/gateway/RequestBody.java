package io.github.vapisessionwebhook.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A gateway request's body as API Gateway carried it: text, or base64 of the raw bytes. Nothing is
 * decoded until a check needs it, so the size check and a bearer check never look inside, and an
 * unauthenticated caller learns nothing about its body.
 */
public final class RequestBody {

    private final String carried;
    private final boolean base64;
    private Optional<byte[]> bytes;

    private RequestBody(String carried, boolean base64) {
        this.carried = carried;
        this.base64 = base64;
    }

    /** @param carried the event's {@code body} ({@code null} for none) */
    public static RequestBody of(String carried, boolean base64) {
        return new RequestBody(carried == null ? "" : carried, carried != null && base64);
    }

    /**
     * Bytes after base64 decoding, computed without decoding: exact for text and valid base64, and
     * never below the decoded size, so a size limit holds whatever is sent.
     */
    public long length() {
        if (base64) {
            int padding = carried.endsWith("==") ? 2 : carried.endsWith("=") ? 1 : 0;
            return Math.max(0, (carried.length() + 3L) / 4 * 3 - padding);
        }
        long length = 0;
        for (int i = 0; i < carried.length(); i++) {
            char c = carried.charAt(i);
            // A surrogate is half of a 4-byte character.
            length += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return length;
    }

    /** The body was text in the event (not base64): parse it as such, it needs no decoding. */
    public boolean isText() {
        return !base64;
    }

    /** The text of a body that {@link #isText() is text}. */
    public String text() {
        return carried;
    }

    /** The raw bytes as sent; empty when the body is marked base64 but is not valid base64. */
    public Optional<byte[]> bytes() {
        if (bytes == null) {
            bytes = decode();
        }
        return bytes;
    }

    private Optional<byte[]> decode() {
        if (!base64) {
            return Optional.of(carried.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return Optional.of(Base64.getDecoder().decode(carried));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
