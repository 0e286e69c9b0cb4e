package io.github.vapisessionwebhook.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The second cold-start reference: a plain Lambda handler (no framework) that does the contract's
 * store write with the AWS SDK, as a hand-written function would: parse the gateway event and its
 * body with Jackson, one conditional PutItem of the session's id and updatedAt, answer 200. The
 * client is built at init, as such handlers do; endpoint and table come from the environment.
 */
public final class StoreReferenceHandler implements RequestStreamHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TABLE = System.getenv("VAPI_SESSIONS_TABLE");
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = MAPPER.readTree(input);
        JsonNode session = MAPPER.readTree(event.path("body").asText()).path("message").path("session");
        String result = "created";
        try {
            DYNAMODB.putItem(put -> put.tableName(TABLE)
                    .item(Map.of("sessionId", AttributeValue.fromS(session.path("id").asText()),
                            "updatedAt", AttributeValue.fromS(session.path("updatedAt").asText())))
                    .conditionExpression("attribute_not_exists(sessionId) OR updatedAt < :updatedAt")
                    .expressionAttributeValues(Map.of(":updatedAt", AttributeValue.fromS(session.path("updatedAt").asText()))));
        } catch (ConditionalCheckFailedException stale) {
            result = "unchanged";
        }
        MAPPER.writeValue(output, Map.of("statusCode", 200, "body", MAPPER.writeValueAsString(Map.of("result", result))));
    }
}
