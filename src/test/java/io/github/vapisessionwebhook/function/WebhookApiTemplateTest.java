package io.github.vapisessionwebhook.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("[{\"VapiOAuth2\":[]}]", security.get(1).toString());
        assertEquals("AWS::NoValue", security.get(2).asText(), "no authorizer for the other modes");

        JsonNode components = body.path("components");
        assertEquals("IsOAuth2", components.get(0).asText());
        JsonNode authorizer = components.get(1).path("securitySchemes").path("VapiOAuth2").path("x-amazon-apigateway-authorizer");
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
    }
}
