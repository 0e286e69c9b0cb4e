package io.github.vapisessionwebhook.session;

import java.util.Optional;

/**
 * Where session records live. Every implementation enforces {@link SessionRecord#supersedes} as one
 * atomic conditional write, so concurrent writers, redeliveries and out-of-order messages end in
 * the same state whatever the order.
 */
public interface SessionRepository {

    /**
     * Writes {@code record} if it supersedes the stored version.
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
