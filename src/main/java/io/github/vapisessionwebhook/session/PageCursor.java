package io.github.vapisessionwebhook.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque continuation token of a {@link SessionPage}: the position (createdAt, sessionId) of the
 * last record returned, which is all any store needs to resume, base64url-encoded.
 */
public record PageCursor(Instant createdAt, String sessionId) {

    public static PageCursor after(SessionRecord last) {
        return new PageCursor(last.createdAt(), last.sessionId());
    }

    public String encode() {
        String plain = SessionRecord.format(createdAt) + "|" + sessionId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for a token this code did not make */
    public static PageCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int separator = plain.indexOf('|');
            return new PageCursor(Instant.parse(plain.substring(0, separator)), plain.substring(separator + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a page cursor", e);
        }
    }
}
