package io.github.vapisessionwebhook.session;

import java.util.Optional;

/**
 * Where session records live. Every implementation enforces {@link SessionRecord#over} with
 * atomic conditional writes, so concurrent writers, redeliveries and out-of-order messages cannot
 * lose a newer version, resurrect a deleted session or move a record back in time.
 */
public interface SessionRepository {

    /**
     * Writes what {@code record} makes of the stored version ({@link SessionRecord#over}), if anything.
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
