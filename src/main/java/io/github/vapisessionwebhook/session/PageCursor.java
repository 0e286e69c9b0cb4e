package io.github.vapisessionwebhook.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The continuation token of a {@link SessionPage}: the position (createdAt, sessionId) of the last
 * record returned, bound to its query by a fingerprint, base64url-encoded. Not signed (the
 * fingerprint is no secret), so a decoded position is checked like any input: inside the query's
 * range, with a session id a record can have; anything else is refused, never sent to a store.
 */
public record PageCursor(Instant createdAt, String sessionId) {

    private static final String VERSION = "v1";
    /** Far above any token this code makes (a session id is at most 1,024 bytes). */
    private static final int MAX_TOKEN_LENGTH = 2048;

    public static PageCursor after(SessionRecord last) {
        return new PageCursor(last.createdAt(), last.sessionId());
    }

    public String encodeFor(SessionQuery query) {
        String plain = VERSION + "|" + SessionRecord.format(createdAt) + "|" + fingerprint(query) + "|" + sessionId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for a token this code did not make for {@code query} */
    public static PageCursor decodeFor(SessionQuery query) {
        if (query.cursor().length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("not a page cursor");
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(query.cursor()), StandardCharsets.UTF_8).split("\\|", 4);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a page cursor", e);
        }
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !fingerprint(query).equals(parts[2]) || parts[3].isEmpty()) {
            throw new IllegalArgumentException("not a page cursor of this query");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(parts[1]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a page cursor", e);
        }
        if (createdAt.isBefore(query.from()) || createdAt.isAfter(query.to()) || StoredValues.textProblem(parts[3]) != null) {
            throw new IllegalArgumentException("a page cursor outside its query");
        }
        return new PageCursor(createdAt, parts[3]);
    }

    private static String fingerprint(SessionQuery query) {
        String identity = query.index() + "|" + SessionRecord.format(query.from()) + "|" + SessionRecord.format(query.to())
                + "|" + query.key();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
