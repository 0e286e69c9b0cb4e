package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.gateway.ApiError;
import io.github.vapisessionwebhook.gateway.GatewayResponse;
import io.github.vapisessionwebhook.session.WriteResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one event was handled, and the one place where that becomes the response's status and the
 * fields of its JSON body.
 */
public sealed interface WebhookOutcome {

    /** The message type, when the body got far enough to have one. */
    String type();

    /** The {@code result} or {@code error} word of the response body. */
    String result();

    /** Vapi's id of an authenticated delivery, where its credential carries one (for the log). */
    String deliveryId();

    /** The HTTP status of the response. */
    default int status() {
        return 200;
    }

    /** The proxy response this outcome is answered with. */
    default GatewayResponse response() {
        return GatewayResponse.json(status(), body());
    }

    /** The response body's fields, in order. */
    default Map<String, String> body() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("result", result());
        body.put("type", type());
        return body;
    }

    /** A session event that reached the repository, whose write took {@code storeNanos}. */
    record Recorded(String type, String sessionId, WriteResult write, long storeNanos, String deliveryId) implements WebhookOutcome {

        @Override
        public String result() {
            return write.wireName();
        }

        @Override
        public Map<String, String> body() {
            Map<String, String> body = WebhookOutcome.super.body();
            body.put("sessionId", sessionId);
            return body;
        }
    }

    /** A message type this function does not record; acknowledged so that Vapi counts no failure. */
    record Ignored(String type, String deliveryId) implements WebhookOutcome {

        @Override
        public String result() {
            return "ignored";
        }
    }

    /** Refused, with a detail safe to show the caller (or {@code null} where none helps). */
    record Rejected(ApiError error, String detail, String deliveryId) implements WebhookOutcome {

        @Override
        public String type() {
            return null;
        }

        @Override
        public String result() {
            return error.code();
        }

        @Override
        public int status() {
            return error.status();
        }

        @Override
        public GatewayResponse response() {
            return GatewayResponse.error(error, detail);
        }
    }
}
