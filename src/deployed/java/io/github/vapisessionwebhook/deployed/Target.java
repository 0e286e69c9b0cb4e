package io.github.vapisessionwebhook.deployed;

import io.github.vapisessionwebhook.support.Payloads;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What the deployment check talks to: a stack's API (its outputs, parameters and credential read
 * from AWS), or a local API ({@code -Dapi.url}) with the credential given by property.
 *
 * @param stack the stack's name; empty for a local API, where the checks of AWS-only parts skip
 * @param credential the bearer token or HMAC secret (bearer, hmac), the access token (oauth2), or empty (none)
 */
record Target(String webhookUrl, String sessionsUrl, String auth, String credential, Optional<String> stack,
        Map<String, String> parameters, Map<String, String> outputs) {

    /** One HTTP client for every AWS call of the check (the SDK modules bring others too). */
    static final SdkHttpClient AWS_HTTP = UrlConnectionHttpClient.create();

    static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C aws(B builder) {
        return builder.httpClient(AWS_HTTP).build();
    }

    static Target fromProperties() throws Exception {
        String apiUrl = System.getProperty("api.url", "");
        if (!apiUrl.isBlank()) {
            String base = apiUrl.replaceAll("/+$", "");
            String secret = System.getProperty("webhook.secret", System.getenv().getOrDefault("VAPI_WEBHOOK_SECRET", ""));
            return new Target(base + "/webhook", base + "/sessions", System.getProperty("webhook.auth", "bearer"), secret,
                    Optional.empty(), Map.of(), Map.of());
        }
        String name = System.getProperty("stack", "");
        if (name.isBlank()) {
            throw new IllegalArgumentException("say what to check: -Dstack=NAME (a deployed stack, in the usual AWS "
                    + "region and profile) or -Dapi.url=http://127.0.0.1:3000 (./mvnw -Plocal-api)");
        }
        Stack stack;
        try (CloudFormationClient cloudFormation = aws(CloudFormationClient.builder())) {
            stack = cloudFormation.describeStacks(request -> request.stackName(name)).stacks().get(0);
        }
        Map<String, String> parameters = stack.parameters().stream()
                .collect(Collectors.toMap(Parameter::parameterKey, parameter -> parameter.parameterValue() == null ? "" : parameter.parameterValue()));
        Map<String, String> outputs = stack.outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue));
        String auth = parameters.get("WebhookAuth");
        return new Target(outputs.get("WebhookUrl"), outputs.get("SessionsUrl"), auth, credential(auth, parameters),
                Optional.of(name), parameters, outputs);
    }

    /** The credential Vapi would present, from where the stack keeps it. */
    private static String credential(String auth, Map<String, String> parameters) throws Exception {
        return switch (auth) {
            case "bearer", "hmac" -> {
                try (SecretsManagerClient secrets = aws(SecretsManagerClient.builder())) {
                    yield secrets.getSecretValue(request -> request.secretId(parameters.get("WebhookSecretName"))).secretString().strip();
                }
            }
            case "oauth2" -> accessToken(parameters.get("OAuth2Scope"));
            default -> "";
        };
    }

    /** A client-credentials token, as Vapi fetches one for its OAuth2 credential. */
    private static String accessToken(String scope) throws Exception {
        String url = required("oauth2.token-url");
        String basic = Base64.getEncoder().encodeToString((required("oauth2.client-id") + ":" + required("oauth2.client-secret"))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token URL " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return Payloads.JSON.readTree(response.body()).get("access_token").asText();
    }

    private static String required(String property) {
        String value = System.getProperty(property, "");
        if (value.isBlank()) {
            throw new IllegalArgumentException("WebhookAuth=oauth2: give -D" + property + " (the token URL and the client Vapi uses)");
        }
        return value;
    }

    boolean isLocal() {
        return stack.isEmpty();
    }

    String region() {
        return isLocal() ? "us-east-1" : URI.create(webhookUrl).getHost().split("\\.")[2];
    }
}
