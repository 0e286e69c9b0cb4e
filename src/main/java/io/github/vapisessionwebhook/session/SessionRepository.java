package io.github.vapisessionwebhook.session;

import java.util.Optional;

/**
 * Where session records live. Each enforces {@link SessionRecord#applyTo} atomically, so concurrent
 * writers and redeliveries cannot lose a newer version or resurrect a deleted session.
 */
public interface SessionRepository {

    /**
     * Writes what {@code record} makes of the stored version ({@link SessionRecord#applyTo}), if anything.
     *
     * @throws StorageUnavailableException when the store cannot be reached or refuses the write
     */
    WriteResult save(SessionRecord record);

    /** @throws StorageUnavailableException when the store cannot be reached */
    Optional<SessionRecord> findById(String sessionId);

    /**
     * Sessions of one assistant or one customer number in a time range, newest first.
     *
     * @throws IllegalArgumentException for a cursor this store did not hand out
     * @throws StorageUnavailableException when the store cannot be reached
     */
    SessionPage query(SessionQuery query);
}
