package io.github.vapisessionwebhook.vapi;

import java.util.Optional;

/** The Vapi message types that carry a session and are recorded. */
public enum SessionEventType {
    CREATED("session.created"),
    UPDATED("session.updated"),
    DELETED("session.deleted");

    private final String wireName;

    SessionEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SessionEventType> fromWireName(String type) {
        for (SessionEventType candidate : values()) {
            if (candidate.wireName.equals(type)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
