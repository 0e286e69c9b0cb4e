package io.github.vapisessionwebhook.webhook.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One read of the secret: its current version with that version's creation time, the previous
 * version if it was read, and when they were read.
 */
record SecretVersions(String current, Optional<Instant> currentCreated, Optional<String> previous, Instant readAt) {

    /** The current secret; the previous one too until {@code grace} after the current one was created. */
    List<String> accepted(Instant now, Duration grace) {
        return previous.filter(old -> inGrace(now, grace)).map(old -> List.of(current, old)).orElseGet(() -> List.of(current));
    }

    /** Whether a previous version may still be accepted at {@code now}; unknown creation: no grace. */
    boolean inGrace(Instant now, Duration grace) {
        return currentCreated.map(created -> now.isBefore(created.plus(grace))).orElse(false);
    }

    SecretVersions withPrevious(Optional<String> previousVersion) {
        return new SecretVersions(current, currentCreated, previousVersion, readAt);
    }

    boolean sameSecrets(SecretVersions other) {
        return other != null && current.equals(other.current) && Objects.equals(previous, other.previous);
    }

    @Override
    public String toString() {
        return "SecretVersions[currentCreated=" + currentCreated + ", previous=" + previous.isPresent() + ", readAt=" + readAt + "]";
    }
}
