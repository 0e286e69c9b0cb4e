package io.github.vapisessionwebhook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.gateway.GatewayResponse;
import io.github.vapisessionwebhook.function.SessionWebhookFunction;
import io.github.vapisessionwebhook.support.Payloads;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-event cost of the whole handler (gateway event bytes in: Funqy's tree parse, bearer
 * authentication, parse and bind of the body, mapping, in-memory store, response serialised)
 * against its floor: Jackson parsing the same Vapi body once into a tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandlerBenchmark {

    @Param({"minimal", "large"})
    public String payload;

    private final ObjectMapper mapper = new ObjectMapper();
    private SessionWebhookFunction function;
    private byte[] event;
    private byte[] body;

    @Setup
    public void setUp() throws Exception {
        EventLogSink.install();
        function = BenchFunction.create();
        ObjectNode message = payload.equals("large")
                ? LargePayload.build("bench-session")
                : Payloads.resource("session-created.minimal.json");
        body = Payloads.text(message).getBytes(StandardCharsets.UTF_8);
        ObjectNode gateway = Payloads.event("http-api-session-created.json");
        gateway.put("body", new String(body, StandardCharsets.UTF_8));
        ((ObjectNode) gateway.get("headers")).put("authorization", "Bearer " + BenchFunction.SECRET);
        event = mapper.writeValueAsBytes(gateway);
    }

    /** What Funqy and the function do with one Lambda event. */
    @Benchmark
    public byte[] handler() throws Exception {
        JsonNode parsed = mapper.readTree(event);
        GatewayResponse response = function.handle(parsed);
        return mapper.writeValueAsBytes(response);
    }

    /** The floor: the Vapi body parsed once into a tree. */
    @Benchmark
    public JsonNode floor() throws Exception {
        return mapper.readTree(body);
    }

    /** For scale: Funqy's own parse of the gateway event into a tree, before any function code runs. */
    @Benchmark
    public JsonNode gatewayEvent() throws Exception {
        return mapper.readTree(event);
    }
}
