package io.github.vapisessionwebhook.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vapisessionwebhook.support.Template;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

/** The table deployed by template.yaml is the table the code creates and relies on. */
class TemplateTableTest {

    private final JsonNode table = Template.resource("SessionsTable");
    private final CreateTableRequest expected = SessionTable.createTableRequest("t");

    @Test
    void keysAndAttributeTypesMatch() {
        assertEquals(expected.billingModeAsString(), table.path("BillingMode").asText());
        assertEquals(keys(expected.keySchema().stream().map(k -> Map.entry(k.attributeName(), k.keyTypeAsString())).toList()),
                keys(table.path("KeySchema")));
        Map<String, String> attributes = new TreeMap<>();
        table.path("AttributeDefinitions").forEach(a -> attributes.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
        Map<String, String> expectedAttributes = new TreeMap<>();
        expected.attributeDefinitions().forEach(a -> expectedAttributes.put(a.attributeName(), a.attributeTypeAsString()));
        assertEquals(expectedAttributes, attributes);
    }

    @Test
    void globalSecondaryIndexesMatch() {
        Map<String, String> declared = new TreeMap<>();
        table.path("GlobalSecondaryIndexes").forEach(index -> declared.put(index.path("IndexName").asText(),
                keys(index.path("KeySchema")) + " " + index.path("Projection").path("ProjectionType").asText()));
        Map<String, String> wanted = new TreeMap<>();
        for (GlobalSecondaryIndex index : expected.globalSecondaryIndexes()) {
            wanted.put(index.indexName(), keys(index.keySchema().stream()
                    .map(k -> Map.entry(k.attributeName(), k.keyTypeAsString())).toList())
                    + " " + index.projection().projectionTypeAsString());
        }
        assertEquals(wanted, declared);
    }

    @Test
    void ttlPointInTimeRecoveryAndEncryptionAreOn() {
        assertEquals(SessionItem.EXPIRES_AT, table.path("TimeToLiveSpecification").path("AttributeName").asText());
        assertTrue(table.path("TimeToLiveSpecification").path("Enabled").asBoolean());
        assertTrue(table.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean());
        assertTrue(table.path("SSESpecification").path("SSEEnabled").asBoolean());
        assertEquals(SessionTable.timeToLiveRequest("t").timeToLiveSpecification().attributeName(),
                table.path("TimeToLiveSpecification").path("AttributeName").asText());
    }

    private static String keys(JsonNode keySchema) {
        TreeSet<String> keys = new TreeSet<>();
        keySchema.forEach(k -> keys.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
        return keys.toString();
    }

    private static String keys(java.util.List<Map.Entry<String, String>> keySchema) {
        TreeSet<String> keys = new TreeSet<>();
        keySchema.forEach(k -> keys.add(k.getKey() + ":" + k.getValue()));
        return keys.toString();
    }
}
