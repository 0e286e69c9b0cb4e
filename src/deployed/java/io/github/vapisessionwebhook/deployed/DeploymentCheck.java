package io.github.vapisessionwebhook.deployed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.support.Hmac;
import io.github.vapisessionwebhook.support.Payloads;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.SnapStartOptimizationStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./mvnw verify -Pdeployed -Dstack=NAME}: proves a deployed stack from outside, as Vapi and a
 * reader of the query API meet it, one line per check. {@code -Dapi.url=http://127.0.0.1:3000}
 * runs the same checks against {@code ./mvnw -Plocal-api}; the checks of AWS-only parts (change
 * events, versions and SnapStart, the alarm topic) then skip, saying why. Its session's id has a
 * prefix no Vapi session has, and its record is deleted afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(CheckLines.class)
class DeploymentCheck {

    private static final String SESSION_PREFIX = "deployment-check-";
    private static final Duration CHANGE_EVENTS_WAIT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String sessionId = SESSION_PREFIX + UUID.randomUUID();
    private final Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private Target target;
    private ChangeEventQueue changeEvents;

    @BeforeAll
    void resolveTarget() throws Exception {
        target = Target.fromProperties();
        System.out.printf("[deployment check] %s: webhook %s (auth %s), query API %s, session %s%n",
                target.stack().map(name -> "stack " + name).orElse("local API"), target.webhookUrl(), target.auth(),
                target.sessionsUrl(), sessionId);
        if (!target.isLocal() && !target.parameters().getOrDefault("ChangeEventBus", "").isEmpty()) {
            changeEvents = ChangeEventQueue.create(target.parameters().get("ChangeEventBus"), sessionId);
        }
    }

    @Test
    @Order(1)
    @DisplayName("an authenticated session.created is 200 created")
    void created() throws Exception {
        assertResult("created", deliver("session.created", created));
    }

    @Test
    @Order(2)
    @DisplayName("its redelivery is 200 unchanged")
    void redelivered() throws Exception {
        assertResult("unchanged", deliver("session.created", created));
    }

    @Test
    @Order(3)
    @DisplayName("a wrong credential is 401")
    void wrongCredential() throws Exception {
        assumeFalse(target.auth().equals("none"), "WebhookAuth=none takes every caller");
        HttpRequest.Builder request = post(body("session.created", created));
        switch (target.auth()) {
            case "hmac" -> request.header("x-timestamp", Long.toString(System.currentTimeMillis())).header("x-signature", "0".repeat(64));
            default -> request.header("Authorization", "Bearer not-the-" + UUID.randomUUID());
        }
        assertEquals(401, send(request).statusCode());
    }

    @Test
    @Order(4)
    @DisplayName("no credential is 401")
    void noCredential() throws Exception {
        assumeFalse(target.auth().equals("none"), "WebhookAuth=none takes every caller");
        assertEquals(401, send(post(body("session.created", created))).statusCode());
    }

    @Test
    @Order(5)
    @DisplayName("a session.updated lands (200 updated)")
    void updated() throws Exception {
        assertResult("updated", deliver("session.updated", created.plusSeconds(60)));
    }

    @Test
    @Order(6)
    @DisplayName("a session.deleted lands (200 updated)")
    void deleted() throws Exception {
        assertResult("updated", deliver("session.deleted", created.plusSeconds(120)));
    }

    @Test
    @Order(7)
    @DisplayName("the record reads back through the query API with SigV4, and in its assistant's listing")
    void readsBack() throws Exception {
        HttpResponse<String> one = signedGet(target.sessionsUrl() + "/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8));
        assertEquals(200, one.statusCode(), one.body());
        JsonNode record = Payloads.JSON.readTree(one.body());
        assertEquals(sessionId, record.path("sessionId").asText(), one.body());
        assertTrue(record.path("deleted").asBoolean(), "the delete is in the record: " + one.body());
        assertEquals("session.deleted", record.path("lastEventType").asText(), one.body());
        HttpResponse<String> listing = signedGet(target.sessionsUrl() + "?limit=100&assistantId="
                + URLEncoder.encode(record.path("assistantId").asText(), StandardCharsets.UTF_8));
        assertEquals(200, listing.statusCode(), listing.body());
        assertTrue(listing.body().contains(sessionId), "the assistant's listing names the session: " + listing.body());
    }

    @Test
    @Order(8)
    @DisplayName("change events: a temporary rule's queue receives Created, Updated and Deleted")
    void changeEvents() throws Exception {
        assumeFalse(target.isLocal(), "change events need EventBridge and DynamoDB Streams (AWS only)");
        assumeTrue(changeEvents != null, "ChangeEventBus is empty: the stack publishes no change events");
        Set<String> expected = Set.of("Vapi Session Created", "Vapi Session Updated", "Vapi Session Deleted");
        Set<String> received = changeEvents.awaitDetailTypes(expected, CHANGE_EVENTS_WAIT);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(received), "received within " + CHANGE_EVENTS_WAIT);
    }

    @Test
    @Order(9)
    @DisplayName("the live alias is the newest version (SnapStart on it with Packaging=jvm)")
    void liveAlias() {
        assumeFalse(target.isLocal(), "the local API runs function.zip itself: no Lambda versions or SnapStart");
        String aliasArn = target.outputs().get("FunctionAlias");
        String function = aliasArn.substring(0, aliasArn.lastIndexOf(':'));
        try (LambdaClient lambda = Target.aws(LambdaClient.builder())) {
            String live = lambda.getAlias(request -> request.functionName(function).name("live")).functionVersion();
            long newest = lambda.listVersionsByFunctionPaginator(request -> request.functionName(function)).versions().stream()
                    .map(FunctionConfiguration::version).filter(version -> !version.equals("$LATEST"))
                    .mapToLong(Long::parseLong).max().orElse(-1);
            assertEquals(Long.toString(newest), live, "live points at version " + live + ", the newest is " + newest);
            if (target.parameters().get("Packaging").equals("jvm")) {
                GetFunctionConfigurationResponse version = lambda.getFunctionConfiguration(request -> request.functionName(function).qualifier(live));
                assertEquals(SnapStartApplyOn.PUBLISHED_VERSIONS, version.snapStart().applyOn(), "SnapStart");
                assertEquals(SnapStartOptimizationStatus.ON, version.snapStart().optimizationStatus(), "SnapStart on version " + live);
            }
        }
    }

    @Test
    @Order(10)
    @DisplayName("the alarm topic has a confirmed subscription")
    void alarmTopic() {
        assumeFalse(target.isLocal(), "alarms are CloudWatch's (AWS only)");
        assumeFalse(target.parameters().getOrDefault("AlarmEmail", "").isEmpty(), "AlarmEmail is empty: alarms notify no one");
        String topic;
        try (CloudFormationClient cloudFormation = Target.aws(CloudFormationClient.builder())) {
            topic = cloudFormation.describeStackResource(request -> request.stackName(target.stack().orElseThrow())
                    .logicalResourceId("AlarmTopic")).stackResourceDetail().physicalResourceId();
        }
        try (SnsClient sns = Target.aws(SnsClient.builder())) {
            List<Subscription> subscriptions = sns.listSubscriptionsByTopicPaginator(request -> request.topicArn(topic))
                    .subscriptions().stream().toList();
            if (subscriptions.stream().allMatch(subscription -> subscription.subscriptionArn().equals("PendingConfirmation"))) {
                abort(CheckLines.WARNING + subscriptions.size() + " subscription(s) to " + topic
                        + ", none confirmed: confirm AWS's e-mail to " + target.parameters().get("AlarmEmail") + ", or alarms reach no one");
            }
        }
    }

    @AfterAll
    void cleanUp() {
        if (changeEvents != null) {
            changeEvents.close();
        }
        if (target == null || target.isLocal()) {
            System.out.println("[deployment check] the local API's store goes with it: session " + sessionId + " left there");
            return;
        }
        try (DynamoDbClient dynamoDb = Target.aws(DynamoDbClient.builder())) {
            dynamoDb.deleteItem(request -> request.tableName(target.outputs().get("SessionsTableName"))
                    .key(Map.of("sessionId", AttributeValue.fromS(sessionId))));
        }
        System.out.println("[deployment check] deleted session " + sessionId + " from " + target.outputs().get("SessionsTableName"));
    }

    private String body(String type, Instant updatedAt) {
        return Payloads.text(Payloads.session(type, sessionId, updatedAt.toString()));
    }

    private HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(URI.create(target.webhookUrl())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A delivery as Vapi makes it, with the deployed credential. */
    private HttpResponse<String> deliver(String type, Instant updatedAt) throws Exception {
        String body = body(type, updatedAt);
        HttpRequest.Builder request = post(body);
        switch (target.auth()) {
            case "hmac" -> {
                String timestamp = Long.toString(System.currentTimeMillis());
                request.header("x-timestamp", timestamp)
                        .header("x-signature", Hmac.sha256Hex(target.credential(), timestamp + ".", body.getBytes(StandardCharsets.UTF_8)));
            }
            case "bearer", "oauth2" -> request.header("Authorization", "Bearer " + target.credential());
            default -> {
            }
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertResult(String result, HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(result, Payloads.JSON.readTree(response.body()).path("result").asText(), response.body());
    }

    /** A GET signed as an IAM caller of the query API signs it (the local API takes any signature). */
    private HttpResponse<String> signedGet(String url) throws Exception {
        AwsCredentialsIdentity credentials = target.isLocal() ? AwsBasicCredentials.create("local", "local")
                : DefaultCredentialsProvider.builder().build().resolveCredentials();
        SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(URI.create(url)).method(SdkHttpMethod.GET).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(request -> request.identity(credentials).request(unsigned)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, target.region())).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        // java.net.http sets Host itself, to the value that was signed.
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return send(request);
    }

    /** A temporary EventBridge rule for this check's session, delivering to a temporary SQS queue. */
    private record ChangeEventQueue(EventBridgeClient events, SqsClient sqs, String bus, String rule, String queueUrl)
            implements AutoCloseable {

        static ChangeEventQueue create(String bus, String sessionId) {
            String name = "vapi-deployment-check-" + UUID.randomUUID().toString().substring(0, 8);
            EventBridgeClient events = Target.aws(EventBridgeClient.builder());
            SqsClient sqs = Target.aws(SqsClient.builder());
            String ruleArn = events.putRule(request -> request.name(name).eventBusName(bus).eventPattern(Payloads.text(
                    Payloads.JSON.createObjectNode().<ObjectNode>set("source", Payloads.JSON.createArrayNode().add("vapi-session-webhook"))
                            .set("detail", Payloads.JSON.createObjectNode().set("sessionId",
                                    Payloads.JSON.createArrayNode().add(sessionId)))))).ruleArn();
            String queueUrl = sqs.createQueue(request -> request.queueName(name)).queueUrl();
            String queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            ObjectNode policy = Payloads.JSON.createObjectNode().put("Version", "2012-10-17");
            policy.putArray("Statement").addObject().put("Effect", "Allow").put("Action", "sqs:SendMessage").put("Resource", queueArn)
                    .<ObjectNode>set("Principal", Payloads.JSON.createObjectNode().put("Service", "events.amazonaws.com"))
                    .putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", ruleArn);
            sqs.setQueueAttributes(request -> request.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, Payloads.text(policy))));
            events.putTargets(request -> request.rule(name).eventBusName(bus).targets(target -> target.id("queue").arn(queueArn)));
            return new ChangeEventQueue(events, sqs, bus, name, queueUrl);
        }

        Set<String> awaitDetailTypes(Set<String> expected, Duration wait) throws Exception {
            Set<String> received = new TreeSet<>();
            Instant deadline = Instant.now().plus(wait);
            while (!received.containsAll(expected) && Instant.now().isBefore(deadline)) {
                List<Message> messages = new ArrayList<>(sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(10).waitTimeSeconds(10)).messages());
                for (Message message : messages) {
                    received.add(Payloads.JSON.readTree(message.body()).path("detail-type").asText());
                }
            }
            return received;
        }

        @Override
        public void close() {
            events.removeTargets(request -> request.rule(rule).eventBusName(bus).ids("queue"));
            events.deleteRule(request -> request.name(rule).eventBusName(bus));
            sqs.deleteQueue(request -> request.queueUrl(queueUrl));
            events.close();
            sqs.close();
        }
    }
}
