package io.github.vapisessionwebhook.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.Template;
import io.github.vapisessionwebhook.support.Records;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The change events template.yaml deploys with ChangeEventBus set: the table's stream, filtered to
 * writes, through a pipe into a state machine whose JSONata (evaluated here on stream records made
 * from real items) names each change and puts the record on the bus as plain JSON.
 */
class ChangeEventsTemplateTest {

    private static final Instant T0 = Instant.parse("2026-08-01T12:00:00Z");

    private static SessionRecord record(boolean deleted) {
        return Records.session("s-1").status("active").assistantId("asst").customer("+15555550123", null)
                .phoneNumber(null, null, "vapi").createdAt(T0).updatedAt(T0.plusSeconds(60)).expirationSeconds(86_400L)
                .event(deleted ? "session.deleted" : "session.updated", 1_785_585_660_000L).receivedAt(T0)
                .deleted(deleted, T0.plusSeconds(60)).build();
    }

    /** A DynamoDB stream record as the pipe delivers it: the new image in DynamoDB's typed JSON. */
    private static Map<String, Object> change(String eventName, SessionRecord record) {
        Map<String, Object> image = new LinkedHashMap<>();
        SessionItem.of(record).forEach((name, value) -> image.put(name, typed(value)));
        return Map.of("eventName", eventName, "dynamodb", Map.of("NewImage", image));
    }

    private static Map<String, Object> typed(AttributeValue value) {
        if (value.s() != null) {
            return Map.of("S", value.s());
        }
        return value.n() != null ? Map.of("N", value.n()) : Map.of("BOOL", value.bool());
    }

    @Test
    void eachChangeIsNamedAndCarriesTheRecordAsPlainJson() throws Exception {
        JsonNode machine = Template.resource(Template.CHANGE_EVENTS, "ChangeEventsStateMachine");
        String entries = machine.path("Definition").path("States").path("Publish").path("Arguments").path("Entries").asText()
                .trim();
        assertTrue(entries.startsWith("{%") && entries.endsWith("%}"), entries);
        assertEquals("EventBusName", machine.path("DefinitionSubstitutions").path("EventBusName").asText());
        Jsonata expression = Jsonata.jsonata(entries.substring(2, entries.length() - 2).replace("${EventBusName}", "sessions"));
        List<Object> batch = new ArrayList<>(List.of(change("INSERT", record(false)), change("MODIFY", record(false)),
                change("MODIFY", record(true)), change("INSERT", record(true))));
        expression.assign("states", Map.of("input", batch));

        List<Map<String, Object>> events = Payloads.JSON.convertValue(expression.evaluate(null), new TypeReference<>() {
        });
        assertEquals(List.of("Vapi Session Created", "Vapi Session Updated", "Vapi Session Deleted", "Vapi Session Deleted"),
                events.stream().map(event -> event.get("DetailType")).toList());
        Map<String, Object> first = events.get(0);
        assertEquals("sessions", first.get("EventBusName"));
        assertEquals("vapi-session-webhook", first.get("Source"));
        Map<?, ?> detail = (Map<?, ?>) first.get("Detail");
        assertEquals("s-1", detail.get("sessionId"));
        assertEquals("2026-08-01T12:00:00.000Z", detail.get("createdAt"));
        assertEquals(86_400, ((Number) detail.get("expirationSeconds")).intValue());
        assertEquals(false, detail.get("deleted"));
        assertEquals(SessionItem.of(record(false)).size(), detail.size(), "every stored attribute, nothing else");

        expression.assign("states", Map.of("input", List.of(change("MODIFY", record(true)))));
        List<?> single = Payloads.JSON.convertValue(expression.evaluate(null), List.class);
        assertEquals(1, single.size(), "a batch of one is still a list of entries");
    }

    @Test
    void theStreamFeedsThePipeWhichMayOnlyReadItAndStartTheMachine() {
        JsonNode table = Template.resource("SessionsTable");
        assertEquals("[\"HasChangeEvents\",{\"StreamViewType\":\"NEW_IMAGE\"},\"AWS::NoValue\"]",
                table.path("StreamSpecification").toString(), "no stream unless change events are on");
        JsonNode pipe = Template.resource(Template.CHANGE_EVENTS, "ChangeEventsPipe");
        assertEquals("StreamArn", pipe.path("Source").asText());
        JsonNode nested = Template.resource("ChangeEvents");
        assertEquals(Template.CHANGE_EVENTS, nested.path("Location").asText());
        assertEquals("SessionsTable.StreamArn", nested.path("Parameters").path("StreamArn").asText());
        assertEquals("ChangeEventBus", nested.path("Parameters").path("EventBusName").asText());
        assertEquals("ChangeEventsStateMachine", pipe.path("Target").asText());
        assertEquals("{\"eventName\": [\"INSERT\", \"MODIFY\"]}",
                pipe.path("SourceParameters").path("FilterCriteria").path("Filters").get(0).path("Pattern").asText(),
                "writes only: TTL expiries (REMOVE) are not session changes");
        assertEquals("REQUEST_RESPONSE", pipe.path("TargetParameters").path("StepFunctionStateMachineParameters")
                .path("InvocationType").asText());
        List<String> pipeActions = new ArrayList<>();
        Template.resource(Template.CHANGE_EVENTS, "ChangeEventsPipeRole").path("Policies").get(0).path("PolicyDocument").path("Statement")
                .forEach(statement -> statement.path("Action").forEach(action -> pipeActions.add(action.asText())));
        Template.resource(Template.CHANGE_EVENTS, "ChangeEventsPipeRole").path("Policies").get(0).path("PolicyDocument").path("Statement")
                .forEach(statement -> {
                    if (statement.path("Action").isTextual()) {
                        pipeActions.add(statement.path("Action").asText());
                    }
                });
        assertEquals(List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                "dynamodb:ListStreams", "states:StartSyncExecution", "sqs:SendMessage"), pipeActions);
        JsonNode put = Template.resource(Template.CHANGE_EVENTS, "ChangeEventsStateMachineRole").path("Policies").get(0).path("PolicyDocument")
                .path("Statement").get(0);
        assertEquals("events:PutEvents", put.path("Action").asText());
        assertTrue(put.path("Resource").asText().endsWith(":event-bus/${EventBusName}"), put.toString());
        assertEquals("HasChangeEvents", Template.load().path("Resources").path("ChangeEvents").path("Condition").asText(),
                "no stream, pipe or queue unless change events are on");
    }

    /**
     * A batch whose retries ran out is never dropped silently: it lands in a dead-letter queue kept
     * long enough to act on, with an alarm on its first message; the state machine logs its failures.
     */
    @Test
    void eventsThatCannotBePublishedLeaveATraceAndRaiseAnAlarm() {
        JsonNode stream = Template.resource(Template.CHANGE_EVENTS, "ChangeEventsPipe").path("SourceParameters").path("DynamoDBStreamParameters");
        assertEquals("ChangeEventsDeadLetterQueue.Arn", stream.path("DeadLetterConfig").path("Arn").asText());
        assertEquals("AUTOMATIC_BISECT", stream.path("OnPartialBatchItemFailure").asText());
        assertTrue(stream.path("MaximumRetryAttempts").asInt() > 0);
        JsonNode queue = Template.resource(Template.CHANGE_EVENTS, "ChangeEventsDeadLetterQueue");
        assertEquals(1_209_600, queue.path("MessageRetentionPeriod").asInt(), "14 days, SQS's longest");
        assertTrue(queue.path("SqsManagedSseEnabled").asBoolean(), "SSE-SQS: Pipes cannot use the AWS-managed SQS KMS key");

        JsonNode alarm = Template.resource(Template.CHANGE_EVENTS, "ChangeEventsDeadLetterAlarm");
        assertEquals("AWS/SQS ApproximateNumberOfMessagesVisible", alarm.path("Namespace").asText() + " "
                + alarm.path("MetricName").asText());
        assertEquals("ChangeEventsDeadLetterQueue.QueueName", alarm.path("Dimensions").get(0).path("Value").asText());
        assertEquals(0, alarm.path("Threshold").asInt());
        assertEquals("[\"HasAlarmTopic\",[\"AlarmTopicArn\"],\"AWS::NoValue\"]", alarm.path("AlarmActions").toString());
        assertEquals("[\"HasAlarmEmail\",\"AlarmTopic\",\"\"]",
                Template.resource("ChangeEvents").path("Parameters").path("AlarmTopicArn").toString(), "the stack's alarm topic");
        assertEquals("GreaterThanThreshold", alarm.path("ComparisonOperator").asText());

        JsonNode logging = Template.resource(Template.CHANGE_EVENTS, "ChangeEventsStateMachine").path("LoggingConfiguration");
        assertEquals("ERROR", logging.path("Level").asText());
        assertEquals(false, logging.path("IncludeExecutionData").asBoolean(true), "records (phone numbers, names) stay out of logs");
        assertEquals("ChangeEventsLogGroup.Arn", logging.path("Destinations").get(0).path("CloudWatchLogsLogGroup")
                .path("LogGroupArn").asText());
        JsonNode logGroup = Template.resource(Template.CHANGE_EVENTS, "ChangeEventsLogGroup");
        assertEquals("LogRetentionDays", logGroup.path("RetentionInDays").asText());
        assertTrue(logGroup.path("LogGroupName").asText().startsWith("/aws/vendedlogs/states/"), "vended logs' own prefix");
        assertEquals("LogRetentionDays", Template.resource("ChangeEvents").path("Parameters").path("LogRetentionDays").asText());
    }

    /** Only Step Functions acting for this account may assume the state machine's role (confused deputy). */
    @Test
    void theStateMachinesRoleTrustsOnlyThisAccountsStepFunctions() {
        for (String role : List.of("ChangeEventsStateMachineRole", "ChangeEventsPipeRole")) {
            JsonNode trust = Template.resource(Template.CHANGE_EVENTS, role).path("AssumeRolePolicyDocument").path("Statement").get(0);
            assertEquals("AWS::AccountId", trust.path("Condition").path("StringEquals").path("aws:SourceAccount").asText(), role);
        }
    }
}
