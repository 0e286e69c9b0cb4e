package io.github.vapisessionwebhook.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.OtlpSink;
import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.RuntimeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * function.zip deployed with {@code TracingCollector} set ({@code VAPI_TRACING_ENABLED}), under
 * AWS's runtime client with Lambda's trace header: the spans leave over OTLP/HTTP to the collector's
 * address before the answer, in Lambda's trace; an untraced invocation sends nothing.
 */
class PackagedTracingIT {

    private static final String SECRET = "tracing-test-secret";
    private static final String TRACE = "1-6759e988-bd862e3fe1be46a994272793";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aTracedDeliverySendsItsSpansToTheCollectorInLambdasTrace() throws Exception {
        Moto moto = Moto.start();
        Map<String, String> environment = PackagedFunction.awsOnMoto(moto, Moto.TABLE, SECRET);
        try (OtlpSink collector = new OtlpSink(); RuntimeApiServer runtimeApi = new RuntimeApiServer()) {
            environment.put("VAPI_TRACING_ENABLED", "true");
            environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
            try (PackagedFunction function = PackagedFunction.start(PackagedFunction.Deployment.fromTemplate(), runtimeApi.address(),
                    environment, Files.createTempDirectory(Path.of("target"), "tracing-task"))) {
                assertEquals(200, status(runtimeApi, function), "untraced");
                assertEquals(0, collector.exports(), "no trace header with a parent: nothing sent");

                runtimeApi.traceHeader("Root=" + TRACE + ";Parent=53995c3f42cd8ad8;Sampled=1");
                assertEquals(200, status(runtimeApi, function));
                assertTrue(collector.exports() > 0, "exported before the answer:\n" + function.output());
                String spans = collector.received();
                assertTrue(spans.contains("vapi-session-webhook") && spans.contains("PutItem") && spans.contains("DynamoDb"), spans);
                String traceIdBytes = new String(HexFormat.of().parseHex(TRACE.replace("1-", "").replace("-", "")),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                assertTrue(spans.contains(traceIdBytes), "the spans are in Lambda's trace");
                assertFalse(spans.contains(SECRET), "no credential in a span");
                assertTrue(function.output().contains("trace=" + TRACE), "the log line names the trace");
            }
        }
    }

    private static int status(RuntimeApiServer runtimeApi, PackagedFunction function) throws Exception {
        String event = EventKind.HTTP_API.event("POST", Map.of("Authorization", "Bearer " + SECRET),
                Payloads.text(Payloads.session("session.created", UUID.randomUUID().toString(), "2026-08-01T12:00:00.000Z")), false);
        RuntimeApiServer.Outcome outcome = runtimeApi.invoke(event, TIMEOUT, function.exited());
        assertFalse(outcome.error(), outcome::body);
        return Payloads.JSON.readTree(outcome.body()).path("statusCode").asInt();
    }
}
