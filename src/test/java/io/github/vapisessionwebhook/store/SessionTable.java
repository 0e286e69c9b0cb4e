package io.github.vapisessionwebhook.store;

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
 * The table's design, as the code relies on it (names from {@link SessionItem}).
 * {@code template.yaml} declares the same table for deployments (a test compares the two); this
 * class creates it only for local runs and tests.
 */
public final class SessionTable {

    private SessionTable() {
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(stringAttribute(SessionItem.SESSION_ID));
        attributes.add(stringAttribute(SessionItem.Index.SORT_KEY));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (SessionItem.Index index : SessionItem.Index.values()) {
            attributes.add(stringAttribute(index.partitionKey));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.indexName)
                    .keySchema(key(index.partitionKey, KeyType.HASH), key(SessionItem.Index.SORT_KEY, KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key(SessionItem.SESSION_ID, KeyType.HASH))
                .globalSecondaryIndexes(indexes)
                .sseSpecification(SSESpecification.builder().enabled(true).build())
                .build();
    }

    public static UpdateTimeToLiveRequest timeToLiveRequest(String tableName) {
        return UpdateTimeToLiveRequest.builder()
                .tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder()
                        .attributeName(SessionItem.EXPIRES_AT).enabled(true).build())
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
