package io.github.vapisessionwebhook.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vapisessionwebhook.support.Template;
import io.github.vapisessionwebhook.webhook.WebhookConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What template.yaml deploys in front of the function matches what the function expects. */
class WebhookApiTemplateTest {

    @Test
    void everyAuthenticationModeOfTheFunctionIsAChoiceOfTheTemplate() {
        List<String> allowed = new ArrayList<>();
        Template.load().path("Parameters").path("WebhookAuth").path("AllowedValues").forEach(v -> allowed.add(v.asText()));
        assertEquals(Arrays.stream(WebhookConfig.AuthMode.values()).map(Enum::name).toList(), allowed);
    }

    @Test
    void withOAuth2AJwtAuthorizerGuardsTheWebhookRoute() {
        JsonNode body = Template.resource("WebhookApi").path("DefinitionBody");
        JsonNode security = body.path("paths").path("/webhook").path("post").path("security");
        assertEquals("IsOAuth2", security.get(0).asText());
        assertEquals("[{\"VapiOAuth2\":[\"OAuth2Scope\"]}]", security.get(1).toString(),
                "the route requires the scope: the authorizer's authorization scopes");
        assertEquals("AWS::NoValue", security.get(2).asText(), "no authorizer for the other modes");

        JsonNode scheme = body.path("components").path("securitySchemes").path("VapiOAuth2");
        assertEquals("IsOAuth2", scheme.get(0).asText());
        assertEquals("AWS::NoValue", scheme.get(2).asText());
        JsonNode authorizer = scheme.get(1).path("x-amazon-apigateway-authorizer");
        assertEquals("jwt", authorizer.path("type").asText());
        assertEquals("$request.header.Authorization", authorizer.path("identitySource").asText(), "where Vapi sends its token");
        assertEquals("OAuth2Issuer", authorizer.path("jwtConfiguration").path("issuer").asText());
        assertEquals("[\"OAuth2Audience\"]", authorizer.path("jwtConfiguration").path("audience").toString());

        JsonNode function = Template.resource("WebhookFunction");
        assertEquals("WebhookApi", function.path("Events").path("Webhook").path("Properties").path("ApiId").asText());
        JsonNode environment = function.path("Environment").path("Variables");
        assertEquals("[\"IsOAuth2\",\"OAuth2Issuer\",\"AWS::NoValue\"]", environment.path("VAPI_WEBHOOK_OAUTH2_ISSUER").toString(),
                "the function checks the claims come from the issuer the authorizer verified");
        assertEquals("[\"IsOAuth2\",\"OAuth2Audience\",\"AWS::NoValue\"]",
                environment.path("VAPI_WEBHOOK_OAUTH2_AUDIENCE").toString());
        assertEquals("[\"IsOAuth2\",\"OAuth2Scope\",\"AWS::NoValue\"]", environment.path("VAPI_WEBHOOK_OAUTH2_SCOPE").toString(),
                "and checks the scope again");
        String rule = Template.load().path("Rules").toString();
        assertTrue(rule.contains("OAuth2Scope") && rule.contains("OAuth2Issuer"), "oauth2 cannot be deployed without a scope");
    }

    /**
     * Lambda refuses a version description over 256 characters, and each function's lists the
     * parameters that reach it: at the longest values the parameters allow, it still fits.
     */
    @Test
    void versionDescriptionsFitLambdasLimitWhateverTheParameters() {
        JsonNode parameters = Template.load().path("Parameters");
        for (String function : List.of("WebhookFunction", "ReaderFunction")) {
            JsonNode description = Template.resource(function).path("VersionDescription");
            List<String> forms = new ArrayList<>();
            if (description.isArray()) {
                forms.add(description.get(1).asText());
                forms.add(description.get(2).asText());
            } else {
                forms.add(description.asText());
            }
            for (String form : forms) {
                java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(form);
                int length = form.replaceAll("\\$\\{[A-Za-z0-9]+}", "").length();
                while (names.find()) {
                    length += longest(parameters.path(names.group(1)), names.group(1));
                }
                assertTrue(length <= 256, function + ": " + form + " can be " + length + " characters");
            }
        }
    }

    /** The longest value a parameter allows; a parameter without a bound fails the test. */
    private static int longest(JsonNode parameter, String name) {
        if (parameter.has("AllowedValues")) {
            int longest = 0;
            for (JsonNode value : parameter.path("AllowedValues")) {
                longest = Math.max(longest, value.asText().length());
            }
            return longest;
        }
        if (parameter.has("MaxLength")) {
            return parameter.path("MaxLength").asInt();
        }
        if (parameter.has("MaxValue")) {
            return Long.toString(parameter.path("MaxValue").asLong()).length();
        }
        throw new AssertionError(name + " has no bound on its length");
    }

    @Test
    void everyReadRouteTakesSigV4SignedRequestsOnly() {
        assertEquals(true, Template.resource("WebhookApi").path("Auth").path("EnableIamAuthorizer").asBoolean());
        JsonNode reader = Template.resource("ReaderFunction");
        assertEquals(SessionReaderFunction.NAME, reader.path("Environment").path("Variables").path("QUARKUS_FUNQY_EXPORT").asText());
        List<String> routes = new ArrayList<>();
        reader.path("Events").forEach(event -> {
            JsonNode properties = event.path("Properties");
            assertEquals("AWS_IAM", properties.path("Auth").path("Authorizer").asText(), properties.toString());
            assertEquals("WebhookApi", properties.path("ApiId").asText());
            routes.add(properties.path("Method").asText() + " " + properties.path("Path").asText());
        });
        assertEquals(List.of("ANY /sessions/{sessionId}", "ANY /sessions"), routes);
    }

    @Test
    void eachFunctionMayDoOnlyWhatItDoes() {
        assertEquals(List.of("dynamodb:GetItem dynamodb:Query"), actions("ReaderFunction"), "the reader never writes");
        assertEquals(List.of("dynamodb:PutItem dynamodb:UpdateItem", "dynamodb:GetItem", "if HasSecret: secretsmanager:GetSecretValue"),
                actions("WebhookFunction"));
        JsonNode primingRead = Template.resource("WebhookFunction").path("Policies").get(0).path("Statement").get(1);
        assertEquals("[\"" + Priming.STORE_KEY + "\"]",
                primingRead.path("Condition").path("ForAllValues:StringEquals").path("dynamodb:LeadingKeys").toString(),
                "the webhook reads only the key priming uses, which no record has");
    }

    private static List<String> actions(String function) {
        List<String> statements = new ArrayList<>();
        Template.resource(function).path("Policies").get(0).path("Statement").forEach(element -> {
            // !If [condition, statement, AWS::NoValue]: a statement only some deployments have.
            String condition = element.isArray() ? "if " + element.get(0).asText() + ": " : "";
            JsonNode statement = element.isArray() ? element.get(1) : element;
            JsonNode action = statement.path("Action");
            List<String> names = new ArrayList<>();
            if (action.isArray()) {
                action.forEach(name -> names.add(name.asText()));
            } else {
                names.add(action.asText());
            }
            statements.add(condition + String.join(" ", names));
        });
        return statements;
    }
}
