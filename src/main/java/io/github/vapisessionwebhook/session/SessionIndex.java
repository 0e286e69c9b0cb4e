package io.github.vapisessionwebhook.session;

/** The ways to look sessions up besides their id; each lists newest first by {@code createdAt}. */
public enum SessionIndex {
    ASSISTANT("byAssistant", "assistantId"),
    CUSTOMER_NUMBER("byCustomerNumber", "customerNumber");

    private final String indexName;
    private final String keyAttribute;

    SessionIndex(String indexName, String keyAttribute) {
        this.indexName = indexName;
        this.keyAttribute = keyAttribute;
    }

    /** The DynamoDB global secondary index name. */
    public String indexName() {
        return indexName;
    }

    /** The record attribute the index is keyed on. */
    public String keyAttribute() {
        return keyAttribute;
    }

    /** This index's key value in {@code record}, or {@code null} if the record is not in the index. */
    public String keyOf(SessionRecord record) {
        return this == ASSISTANT ? record.assistantId() : record.customerNumber();
    }
}
