package io.github.vapisessionwebhook.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vapisessionwebhook.gateway.ApiError;
import io.github.vapisessionwebhook.gateway.GatewayEventReader;
import io.github.vapisessionwebhook.gateway.GatewayResponse;
import io.github.vapisessionwebhook.gateway.ReadRequest;
import io.github.vapisessionwebhook.reader.SessionReader;
import io.github.vapisessionwebhook.tracing.Tracing;
import io.github.vapisessionwebhook.webhook.RedactedException;
import io.quarkus.funqy.Funq;
import org.jboss.logging.Logger;

/**
 * The session log's query API, from the same function.zip as the webhook: deployed with
 * {@code QUARKUS_FUNQY_EXPORT=vapi-session-reader} behind IAM-authorised routes, or invoked directly
 * with a query object. It never throws; every answer is a proxy response.
 */
public class SessionReaderFunction {

    /** The function's name, as {@code quarkus.funqy.export} selects it. */
    public static final String NAME = "vapi-session-reader";

    private static final Logger LOG = Logger.getLogger("io.github.vapisessionwebhook.query");

    private final SessionReader reader;
    private final Tracing tracing;

    public SessionReaderFunction(SessionReader reader, Tracing tracing) {
        this.reader = reader;
        this.tracing = tracing;
    }

    @Funq(NAME)
    public GatewayResponse read(JsonNode event) {
        long started = System.nanoTime();
        try (Tracing.Invocation traced = tracing.begin(NAME)) {
            ReadRequest request;
            try {
                request = GatewayEventReader.readRequest(event);
            } catch (IllegalArgumentException notAnObject) {
                return logged(GatewayResponse.error(ApiError.INVALID_REQUEST, "the query must be a JSON object"), null, started, traced);
            }
            GatewayResponse response;
            try {
                response = reader.read(request);
            } catch (RuntimeException e) {
                LOG.error("unexpected failure while answering a query; answered 500", RedactedException.of(e));
                response = GatewayResponse.error(ApiError.INTERNAL_ERROR, null);
            }
            return logged(response, request.requestId(), started, traced);
        }
    }

    /** One line per query: status, request id, duration and trace id, never the parameters (they can be personal data). */
    private static GatewayResponse logged(GatewayResponse response, String requestId, long started, Tracing.Invocation traced) {
        traced.answered(response.statusCode(), "answered");
        LOG.info("query answered: status=" + response.statusCode() + " request=" + requestId + " duration="
                + Math.round((System.nanoTime() - started) / 10_000.0) / 100.0 + "ms"
                + Tracing.lambdaTraceId().map(traceId -> " trace=" + traceId).orElse(""));
        return response;
    }
}
