package io.github.vapisessionwebhook.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.WebhookConfigs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signatures computed independently here with the JDK's Mac, as Vapi computes them. */
class HmacAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-08-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] BODY = "{\"message\":{\"type\":\"session.created\"}}".getBytes(StandardCharsets.UTF_8);

    static String hmac(String algorithm, byte[] key, byte[] payload) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return HexFormat.of().formatHex(mac.doFinal(payload));
    }

    private static byte[] concat(String prefix, byte[] body) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static HmacAuthenticator authenticator(Map<String, String> settings, byte[] key) {
        Map<String, String> properties = new HashMap<>(settings);
        return new HmacAuthenticator(key, WebhookConfigs.of(properties), CLOCK);
    }

    @Test
    void defaultsVerifyTimestampDotBodyInHex() throws Exception {
        HmacAuthenticator auth = authenticator(Map.of(), "key".getBytes());
        String ts = Long.toString(NOW.toEpochMilli());
        String signature = hmac("HmacSHA256", "key".getBytes(), concat(ts + ".", BODY));
        assertTrue(auth.authenticate(new Headers(Map.of("x-signature", signature, "x-timestamp", ts)), BODY));
        assertTrue(auth.authenticate(new Headers(Map.of("X-Signature", signature.toUpperCase(), "X-TIMESTAMP", ts)), BODY),
                "header names and hex case do not matter");
        String seconds = Long.toString(NOW.getEpochSecond());
        assertTrue(auth.authenticate(new Headers(Map.of("x-signature",
                hmac("HmacSHA256", "key".getBytes(), concat(seconds + ".", BODY)), "x-timestamp", seconds)), BODY));
    }

    @Test
    void refusesTamperingReplayAndMissingHeaders() throws Exception {
        HmacAuthenticator auth = authenticator(Map.of(), "key".getBytes());
        String ts = Long.toString(NOW.toEpochMilli());
        String signature = hmac("HmacSHA256", "key".getBytes(), concat(ts + ".", BODY));
        byte[] changed = "{\"message\":{\"type\":\"session.deleted\"}}".getBytes(StandardCharsets.UTF_8);
        assertFalse(auth.authenticate(new Headers(Map.of("x-signature", signature, "x-timestamp", ts)), changed));
        assertFalse(auth.authenticate(new Headers(Map.of("x-signature", signature)), BODY), "no timestamp");
        assertFalse(auth.authenticate(new Headers(Map.of("x-timestamp", ts)), BODY), "no signature");
        assertFalse(auth.authenticate(new Headers(Map.of("x-signature", signature, "x-timestamp", ts + "0")), BODY));

        String old = Long.toString(NOW.minusSeconds(301).toEpochMilli());
        String oldSignature = hmac("HmacSHA256", "key".getBytes(), concat(old + ".", BODY));
        assertFalse(auth.authenticate(new Headers(Map.of("x-signature", oldSignature, "x-timestamp", old)), BODY),
                "a correctly signed request from 5 minutes ago is a replay");
        String future = Long.toString(NOW.plusSeconds(301).toEpochMilli());
        assertFalse(auth.authenticate(new Headers(Map.of("x-signature",
                hmac("HmacSHA256", "key".getBytes(), concat(future + ".", BODY)), "x-timestamp", future)), BODY));
        assertFalse(auth.authenticate(new Headers(Map.of("x-signature", hmac("HmacSHA256", "other".getBytes(),
                concat(ts + ".", BODY)), "x-timestamp", ts)), BODY), "wrong key");
    }

    @Test
    void everyKnobMatchesVapisOptions() throws Exception {
        byte[] key = "binary\u0000key".getBytes(StandardCharsets.UTF_8);
        HmacAuthenticator auth = authenticator(Map.of(
                "vapi.webhook.hmac-algorithm", "sha512",
                "vapi.webhook.hmac-signature-header", "X-Vapi-Signature",
                "vapi.webhook.hmac-timestamp-header", "X-Vapi-Time",
                "vapi.webhook.hmac-payload-template", "v1:{timestamp}:{body}",
                "vapi.webhook.hmac-signature-prefix", "sha512=",
                "vapi.webhook.hmac-encoding", "base64"), key);
        String ts = Long.toString(NOW.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(key, "HmacSHA512"));
        String signature = "sha512=" + Base64.getEncoder().encodeToString(mac.doFinal(concat("v1:" + ts + ":", BODY)));
        assertTrue(auth.authenticate(new Headers(Map.of("x-vapi-signature", signature, "x-vapi-time", ts)), BODY));
        assertFalse(auth.authenticate(new Headers(Map.of("x-vapi-signature", signature.substring(7), "x-vapi-time", ts)), BODY),
                "prefix required");

        HmacAuthenticator sha1BodyOnly = authenticator(Map.of("vapi.webhook.hmac-algorithm", "sha1",
                "vapi.webhook.hmac-payload-template", "{body}"), key);
        assertTrue(sha1BodyOnly.authenticate(new Headers(Map.of("x-signature", hmac("HmacSHA1", key, BODY))), BODY));
    }

    @Test
    void templateWithoutBodyIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class,
                () -> authenticator(Map.of("vapi.webhook.hmac-payload-template", "{timestamp}"), "k".getBytes()));
    }
}
