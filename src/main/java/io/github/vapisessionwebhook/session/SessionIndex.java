package io.github.vapisessionwebhook.session;

/** The ways to look sessions up besides their id; each lists newest first by {@code createdAt}. */
public enum SessionIndex {
    ASSISTANT,
    CUSTOMER_NUMBER;

    /** This index's key value in {@code record}, or {@code null} if the record is not in the index. */
    public String keyOf(SessionRecord record) {
        return this == ASSISTANT ? record.assistantId() : record.customerNumber();
    }
}
