package io.github.vapisessionwebhook.store;

import io.github.vapisessionwebhook.session.SessionIndex;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The table's design, as the code relies on it. {@code template.yaml} declares the same table for
 * deployments (a test compares the two); this class creates it only for local runs and tests.
 */
public final class SessionTable {

    public static final String PARTITION_KEY = "sessionId";
    public static final String SORT_KEY_OF_INDEXES = "createdAt";
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private SessionTable() {
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(stringAttribute(PARTITION_KEY));
        attributes.add(stringAttribute(SORT_KEY_OF_INDEXES));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (SessionIndex index : SessionIndex.values()) {
            attributes.add(stringAttribute(index.keyAttribute()));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.indexName())
                    .keySchema(key(index.keyAttribute(), KeyType.HASH), key(SORT_KEY_OF_INDEXES, KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key(PARTITION_KEY, KeyType.HASH))
                .globalSecondaryIndexes(indexes)
                .sseSpecification(SSESpecification.builder().enabled(true).build())
                .build();
    }

    public static UpdateTimeToLiveRequest timeToLiveRequest(String tableName) {
        return UpdateTimeToLiveRequest.builder()
                .tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder()
                        .attributeName(TTL_ATTRIBUTE).enabled(true).build())
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
