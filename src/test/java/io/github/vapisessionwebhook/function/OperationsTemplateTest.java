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
        String ownNamespace = Template.resource("WebhookFunction").path("Environment").path("Variables")
                .path("VAPI_METRICS_NAMESPACE").asText();
        assertEquals("VapiSessionWebhook/${AWS::StackName}", ownNamespace, "one namespace per stack");
        // Symptoms, not causes: a crash (502), Lambda's throttling (500) and a failing store (503) all
        // reach Vapi as API 5xx; their own metrics tell which, and their retries that succeeded need no one.
        assertEquals(java.util.List.of("AWS/ApiGateway 4xx", "AWS/ApiGateway 5xx", "AWS/Lambda Duration",
                ownNamespace + " AuthenticationFailures"),
                new java.util.ArrayList<>(alarms.keySet()));
        alarms.forEach((alarm, actions) -> assertEquals("[\"HasAlarmEmail\",[\"AlarmTopic\"],\"AWS::NoValue\"]", actions, alarm));
        assertEquals("HasAlarmEmail", Template.load().path("Resources").path("AlarmTopic").path("Condition").asText());
    }

    /**
     * Traces only with {@code TracingCollector}: X-Ray active tracing (Lambda's segments, the spans'
     * parents, and the role's X-Ray permission), AWS's collector layer in the function's region (the
     * spans' way out, OTLP on localhost) and the function's switch. The HTTP API stays untraced: AWS
     * offers X-Ray tracing for REST APIs only.
     */
    @Test
    void tracingTurnsOnTogetherWithItsCollectorLayer() {
        JsonNode template = Template.load();
        JsonNode globals = template.path("Globals").path("Function");
        assertEquals("[\"HasTracing\",\"Active\",\"AWS::NoValue\"]", globals.path("Tracing").toString());
        assertEquals("HasTracing", globals.path("Layers").get(0).asText());
        assertEquals("arn:${AWS::Partition}:lambda:${AWS::Region}:901920570463:layer:aws-otel-collector-amd64-${TracingCollector}",
                globals.path("Layers").get(1).get(0).asText());
        assertEquals("[\"HasTracing\",\"true\",\"false\"]",
                globals.path("Environment").path("Variables").path("VAPI_TRACING_ENABLED").toString());
        // The loader drops the tags: [[a, b]] is !Not [!Equals [a, b]].
        assertEquals("[[\"TracingCollector\",\"\"]]", template.path("Conditions").path("HasTracing").toString());
        assertEquals("AWS::Serverless::HttpApi", template.path("Resources").path("WebhookApi").path("Type").asText());
    }

    /**
     * CloudWatch publishes to an encrypted topic only with the key's permission, which the
     * AWS-managed SNS key never gives it: the topic's key is the stack's own, and lets CloudWatch
     * (for this account's alarms) encrypt and decrypt.
     */
    @Test
    void theAlarmTopicIsEncryptedWithAKeyCloudWatchMayUse() {
        JsonNode topic = Template.resource("AlarmTopic");
        assertEquals("AlarmTopicKey", topic.path("KmsMasterKeyId").asText(), "never alias/aws/sns");
        assertEquals("HasAlarmEmail", Template.load().path("Resources").path("AlarmTopicKey").path("Condition").asText(),
                "a key only when there is a topic");
        JsonNode key = Template.resource("AlarmTopicKey");
        assertTrue(key.path("EnableKeyRotation").asBoolean());
        JsonNode cloudWatch = null;
        boolean administered = false;
        for (JsonNode statement : key.path("KeyPolicy").path("Statement")) {
            if ("cloudwatch.amazonaws.com".equals(statement.path("Principal").path("Service").asText())) {
                cloudWatch = statement;
            }
            administered |= statement.path("Principal").path("AWS").asText().endsWith(":root") && "kms:*".equals(statement.path("Action").asText());
        }
        assertTrue(administered, "the account keeps control of its key (else CloudFormation cannot create it)");
        assertTrue(cloudWatch != null, key.toString());
        assertEquals("Allow", cloudWatch.path("Effect").asText());
        assertEquals("[\"kms:Decrypt\",\"kms:GenerateDataKey*\"]", cloudWatch.path("Action").toString());
        assertEquals("AWS::AccountId", cloudWatch.path("Condition").path("StringEquals").path("aws:SourceAccount").asText());
    }

    @Test
    void theRoutesAreThrottledAndOnlyBearerAndHmacReadTheSecret() {
        JsonNode routes = Template.resource("WebhookApi").path("DefaultRouteSettings");
        assertEquals("RouteRateLimit", routes.path("ThrottlingRateLimit").asText());
        assertEquals("RouteBurstLimit", routes.path("ThrottlingBurstLimit").asText());
        String hasSecret = Template.load().path("Conditions").path("HasSecret").toString();
        assertTrue(hasSecret.contains("bearer") && hasSecret.contains("hmac") && !hasSecret.contains("oauth2"), hasSecret);
        JsonNode variables = Template.resource("WebhookFunction").path("Environment").path("Variables");
        assertEquals("[\"HasSecret\",\"WebhookSecretName\",\"AWS::NoValue\"]", variables.path("VAPI_WEBHOOK_SECRET_ID").toString(),
                "the secret's name, read at run time");
        assertTrue(variables.path("VAPI_WEBHOOK_SECRET").isMissingNode(), "never the secret itself");
        assertTrue(Template.load().toString().indexOf("resolve:secretsmanager") < 0, "no deploy-time resolution anywhere");
    }

    /** The webhook's role may read its one secret; the reader's none. */
    @Test
    void onlyTheWebhookMayReadTheSecretAndOnlyThatOne() {
        JsonNode statement = Template.resource("WebhookFunction").path("Policies").get(0).path("Statement");
        JsonNode read = null;
        for (JsonNode candidate : statement) {
            if (candidate.isArray() && "HasSecret".equals(candidate.get(0).asText())) {
                read = candidate.get(1);
            }
        }
        assertTrue(read != null, statement.toString());
        assertEquals("secretsmanager:GetSecretValue", read.path("Action").asText());
        assertEquals("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${WebhookSecretName}-??????",
                read.path("Resource").asText());
        assertTrue(Template.resource("ReaderFunction").toString().indexOf("secretsmanager") < 0);
    }
}
