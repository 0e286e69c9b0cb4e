package io.github.vapisessionwebhook.function;

import io.github.vapisessionwebhook.gateway.InboundEvent;
import io.github.vapisessionwebhook.webhook.RedactedException;
import io.github.vapisessionwebhook.webhook.WebhookOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One log line per event: request id, Vapi's delivery id (where the credential carries one), message
 * type, session id, result, status, duration and X-Ray trace id (where Lambda passed one). Never the
 * body, headers or any other payload value: payloads carry secrets and personal data.
 */
@ApplicationScoped
public class EventLog {

    private static final Logger LOG = Logger.getLogger("io.github.vapisessionwebhook.event");

    void handled(InboundEvent inbound, WebhookOutcome outcome, long durationNanos, String traceId) {
        String requestId = inbound == null ? null : inbound.requestId();
        int status = outcome.status();
        String type = outcome.type();
        String sessionId = outcome instanceof WebhookOutcome.Recorded recorded ? recorded.sessionId() : null;
        String result = outcome.result();
        putIfPresent("requestId", requestId);
        putIfPresent("messageType", type);
        putIfPresent("sessionId", sessionId);
        String deliveryId = outcome.deliveryId();
        putIfPresent("deliveryId", deliveryId);
        putIfPresent("traceId", traceId);
        MDC.put("result", result);
        MDC.put("status", status);
        double durationMs = Math.round(durationNanos / 10_000.0) / 100.0;
        MDC.put("durationMs", durationMs);
        try {
            // Concatenated, not printf-formatted: java.util.Formatter was a third of a small event's cost.
            LOG.info("event handled: type=" + type + " session=" + sessionId + " result=" + result + " status=" + status
                    + " duration=" + durationMs + "ms" + (deliveryId == null ? "" : " delivery=" + deliveryId)
                    + (traceId == null ? "" : " trace=" + traceId));
        } finally {
            MDC.clear();
        }
    }

    void unexpected(RuntimeException e) {
        LOG.error("unexpected failure while handling an event; answered 500 so that Vapi retries",
                RedactedException.of(e));
    }

    /** The MDC is cleared after every line, so an absent field needs no removal. */
    private static void putIfPresent(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
