package io.github.vapisessionwebhook.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vapisessionwebhook.support.Template;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What template.yaml deploys to operate the function: alarms, throttling, and a secret only where used. */
class OperationsTemplateTest {

    @Test
    void alarmsWatchWhatAnOperatorMustActOnAndNotifyTheOptionalTopic() {
        Map<String, String> alarms = new TreeMap<>();
        Template.load().path("Resources").properties().forEach(resource -> {
            if ("AWS::CloudWatch::Alarm".equals(resource.getValue().path("Type").asText())) {
                JsonNode properties = resource.getValue().path("Properties");
                alarms.put(properties.path("Namespace").asText() + " " + properties.path("MetricName").asText(),
                        properties.path("AlarmActions").toString());
            }
        });
        assertEquals(java.util.List.of("AWS/ApiGateway 4xx", "AWS/ApiGateway 5xx", "AWS/DynamoDB SystemErrors",
                "AWS/DynamoDB WriteThrottleEvents", "AWS/Lambda Duration", "AWS/Lambda Errors", "AWS/Lambda Throttles"),
                new java.util.ArrayList<>(alarms.keySet()));
        alarms.forEach((alarm, actions) -> assertEquals("[\"HasAlarmEmail\",[\"AlarmTopic\"],\"AWS::NoValue\"]", actions, alarm));
        assertEquals("HasAlarmEmail", Template.load().path("Resources").path("AlarmTopic").path("Condition").asText());
    }

    @Test
    void theRoutesAreThrottledAndOnlyBearerAndHmacResolveTheSecret() {
        JsonNode routes = Template.resource("WebhookApi").path("DefaultRouteSettings");
        assertEquals("RouteRateLimit", routes.path("ThrottlingRateLimit").asText());
        assertEquals("RouteBurstLimit", routes.path("ThrottlingBurstLimit").asText());
        String hasSecret = Template.load().path("Conditions").path("HasSecret").toString();
        assertTrue(hasSecret.contains("bearer") && hasSecret.contains("hmac") && !hasSecret.contains("oauth2"), hasSecret);
        assertEquals("[\"HasSecret\",\"{{resolve:secretsmanager:${WebhookSecretName}:SecretString}}\",\"AWS::NoValue\"]",
                Template.resource("WebhookFunction").path("Environment").path("Variables").path("VAPI_WEBHOOK_SECRET").toString());
    }
}
