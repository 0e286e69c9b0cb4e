package io.github.vapisessionwebhook.webhook.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One read of the secret: its current version with that version's creation time, the previous
 * version if there is one, and when they were read. {@code previousUnknown} says that the previous
 * version exists or may exist but could not be read (Secrets Manager failed on that second call).
 */
record SecretVersions(String current, Optional<Instant> currentCreated, Optional<String> previous, boolean previousUnknown,
        Instant readAt) {

    /** The current secret; the previous one too until {@code grace} after the current one was created. */
    List<String> accepted(Instant now, Duration grace) {
        return previous.filter(old -> inGrace(now, grace)).map(old -> List.of(current, old)).orElseGet(() -> List.of(current));
    }

    /** Whether a previous version may still be accepted at {@code now}; unknown creation: no grace. */
    boolean inGrace(Instant now, Duration grace) {
        return currentCreated.map(created -> now.isBefore(created.plus(grace))).orElse(false);
    }

    /** Whether a delivery refused now may still carry the previous version, which is not known. */
    boolean undecidable(Instant now, Duration grace) {
        return previousUnknown && inGrace(now, grace);
    }

    SecretVersions withPrevious(Optional<String> previousVersion, boolean unknown) {
        return new SecretVersions(current, currentCreated, previousVersion, unknown, readAt);
    }

    boolean sameSecrets(SecretVersions other) {
        return other != null && current.equals(other.current) && Objects.equals(previous, other.previous);
    }

    @Override
    public String toString() {
        return "SecretVersions[currentCreated=" + currentCreated + ", previous=" + previous.isPresent() + ", previousUnknown="
                + previousUnknown + ", readAt=" + readAt + "]";
    }
}
