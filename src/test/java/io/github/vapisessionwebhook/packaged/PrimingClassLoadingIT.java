package io.github.vapisessionwebhook.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.support.ClassLoads;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.Payloads;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Priming goes through the real path: after it, function.zip's first real delivery (authenticated,
 * bound, written to DynamoDB on moto) loads no further class of this project or Jackson, and of the
 * AWS SDK only what a write that succeeds needs and a warm-up that stores nothing cannot reach.
 */
class PrimingClassLoadingIT {

    private static final List<String> WARMED = List.of("io.github.vapisessionwebhook.", "com.fasterxml.jackson.",
            "software.amazon.awssdk.");
    /**
     * What only the first real delivery loads, by design. Only a successful PutItem unmarshals a
     * PutItemResponse (and its ItemCollectionMetrics) and runs the client's success lambda. Only an invocation with a Lambda trace id (priming has none) makes
     * the SDK's trace-id interceptor add its header, which since SDK 2.5x goes through the chain's
     * request-modification lambdas and loads the request-body types they name.
     */
    private static final List<String> FIRST_EVENT_ONLY = List.of(
            "software.amazon.awssdk.services.dynamodb.model.PutItemResponse",
            "software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics",
            "software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient$$Lambda",
            "software.amazon.awssdk.awscore.interceptor.TraceIdExecutionInterceptor$$Lambda",
            "software.amazon.awssdk.core.interceptor.ExecutionInterceptorChain$$Lambda",
            "software.amazon.awssdk.core.async.SdkPublisher",
            "software.amazon.awssdk.core.async.AsyncRequestBody",
            // Priming reads and never writes: building and marshalling a PutItem is left to the first event.
            "software.amazon.awssdk.services.dynamodb.model.PutItem",
            "software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue",
            "software.amazon.awssdk.services.dynamodb.model.ExpressionAttribute",
            "software.amazon.awssdk.services.dynamodb.model.ReturnValue",
            "software.amazon.awssdk.services.dynamodb.transform.PutItemRequestMarshaller",
            "io.github.vapisessionwebhook.store.DynamoDbSessionRepository$$Lambda",
            // It holds no credential, so matching one is left too; and it counts no event (no metrics record).
            "io.github.vapisessionwebhook.webhook.BearerAuthenticator$$Lambda",
            "io.github.vapisessionwebhook.webhook.secret.SecretVersions$$Lambda",
            "io.github.vapisessionwebhook.webhook.WebhookProcessor$$Lambda",
            "com.fasterxml.jackson.databind.ser.",
            "com.fasterxml.jackson.databind.annotation.JsonSerialize$",
            "com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector$1",
            "com.fasterxml.jackson.annotation.OptBoolean");
    private static final String SECRET = "class-load-secret";

    @Test
    void theFirstRealDeliveryLoadsNothingPrimingDidNotLoad() throws Exception {
        Moto moto = Moto.start();
        String id = UUID.randomUUID().toString();
        ObjectNode event = Payloads.event("http-api-session-created.json");
        event.put("body", Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z")));
        ((ObjectNode) event.get("headers")).put("authorization", "Bearer " + SECRET);

        Map<String, String> environment = PackagedFunction.awsOnMoto(moto, Moto.TABLE, SECRET);
        // Priming at init, as before a SnapStart snapshot: what the first event still loads after it.
        environment.put("VAPI_PRIME_ON_START", "true");
        ClassLoads loads = ClassLoads.ofColdStart(environment, Payloads.text(event));

        assertTrue(loads.init().size() > 1000, "the class-load log was read: " + loads.init().size());
        List<String> late = loads.firstEvent().stream().filter(name -> WARMED.stream().anyMatch(name::startsWith))
                .filter(name -> FIRST_EVENT_ONLY.stream().noneMatch(name::startsWith)).toList();
        System.out.printf("first event after priming: %d classes loaded, %d of them this project's, Jackson's or the SDK's%n",
                loads.firstEvent().size(), loads.firstEvent().stream().filter(n -> WARMED.stream().anyMatch(n::startsWith)).count());
        assertEquals(List.of(), late, "loaded by the first real event although priming ran the same path");
        assertTrue(moto.client().getItem(get -> get.tableName(Moto.TABLE).consistentRead(true)
                .key(Map.of("sessionId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id))))
                .hasItem(), "the first event was really stored");
    }
}
