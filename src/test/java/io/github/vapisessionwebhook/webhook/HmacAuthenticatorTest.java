package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.webhook.secret.FixedSecret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.gateway.Headers;
import io.github.vapisessionwebhook.gateway.InboundEvent;
import io.github.vapisessionwebhook.gateway.RequestBody;
import io.github.vapisessionwebhook.support.Deliveries;
import io.github.vapisessionwebhook.support.Hmac;
import io.github.vapisessionwebhook.support.WebhookConfigs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import org.junit.jupiter.api.Test;

/** Signatures computed independently here with the JDK's Mac, as Vapi computes them. */
class HmacAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-08-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] BODY = "{\"message\":{\"type\":\"session.created\"}}".getBytes(StandardCharsets.UTF_8);

    static String hmac(String algorithm, byte[] key, byte[] payload) {
        return HexFormat.of().formatHex(Hmac.sign(algorithm, key, payload));
    }

    private static byte[] concat(String prefix, byte[] body) {
        return Hmac.concat(prefix, body);
    }

    private static HmacAuthenticator authenticator(Map<String, String> settings, byte[] key) {
        Map<String, String> properties = new HashMap<>(settings);
        return new HmacAuthenticator(new FixedSecret(new String(key, StandardCharsets.UTF_8)), WebhookConfigs.of(properties), CLOCK);
    }

    @Test
    void defaultsVerifyTimestampDotBodyInHex() throws Exception {
        HmacAuthenticator auth = authenticator(Map.of(), "key".getBytes());
        String ts = Long.toString(NOW.toEpochMilli());
        String signature = hmac("HmacSHA256", "key".getBytes(), concat(ts + ".", BODY));
        assertTrue(auth.authenticate(Deliveries.post(Map.of("x-signature", signature, "x-timestamp", ts), BODY)));
        assertTrue(auth.authenticate(Deliveries.post(Map.of("X-Signature", signature.toUpperCase(), "X-TIMESTAMP", ts), BODY)),
                "header names and hex case do not matter");
        String seconds = Long.toString(NOW.getEpochSecond());
        assertTrue(auth.authenticate(Deliveries.post(Map.of("x-signature",
                hmac("HmacSHA256", "key".getBytes(), concat(seconds + ".", BODY)), "x-timestamp", seconds), BODY)));
    }

    @Test
    void refusesTamperingReplayAndMissingHeaders() throws Exception {
        HmacAuthenticator auth = authenticator(Map.of(), "key".getBytes());
        String ts = Long.toString(NOW.toEpochMilli());
        String signature = hmac("HmacSHA256", "key".getBytes(), concat(ts + ".", BODY));
        byte[] changed = "{\"message\":{\"type\":\"session.deleted\"}}".getBytes(StandardCharsets.UTF_8);
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature", signature, "x-timestamp", ts), changed)));
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature", signature), BODY)), "no timestamp");
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-timestamp", ts), BODY)), "no signature");
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature", signature, "x-timestamp", ts + "0"), BODY)));

        String old = Long.toString(NOW.minusSeconds(301).toEpochMilli());
        String oldSignature = hmac("HmacSHA256", "key".getBytes(), concat(old + ".", BODY));
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature", oldSignature, "x-timestamp", old), BODY)),
                "a correctly signed request from 5 minutes ago is a replay");
        String future = Long.toString(NOW.plusSeconds(301).toEpochMilli());
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature",
                hmac("HmacSHA256", "key".getBytes(), concat(future + ".", BODY)), "x-timestamp", future), BODY)));
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature", hmac("HmacSHA256", "other".getBytes(),
                concat(ts + ".", BODY)), "x-timestamp", ts), BODY)), "wrong key");
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
        String signature = "sha512=" + Base64.getEncoder().encodeToString(Hmac.sign("HmacSHA512", key, concat("v1:" + ts + ":", BODY)));
        assertTrue(auth.authenticate(Deliveries.post(Map.of("x-vapi-signature", signature, "x-vapi-time", ts), BODY)));
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-vapi-signature", signature.substring(7), "x-vapi-time", ts), BODY)),
                "prefix required");

        HmacAuthenticator sha1BodyOnly = authenticator(Map.of("vapi.webhook.hmac-algorithm", "sha1",
                "vapi.webhook.hmac-payload-template", "{body}"), key);
        assertTrue(sha1BodyOnly.authenticate(Deliveries.post(Map.of("x-signature", hmac("HmacSHA1", key, BODY)), BODY)));
    }

    @Test
    void everyPlaceholderOfVapisPlanIsSigned() throws Exception {
        HmacAuthenticator auth = authenticator(Map.of(
                "vapi.webhook.hmac-payload-template", "{method} {url}|{svix-id}.{timestamp}.{body}",
                "vapi.webhook.hmac-message-id-header", "svix-id"), "key".getBytes());
        String ts = Long.toString(NOW.getEpochSecond());
        String signed = "POST " + Deliveries.URL + "|msg_2abcDEF345ghiJKL678mnoPQR." + ts + ".";
        String signature = hmac("HmacSHA256", "key".getBytes(), concat(signed, BODY));
        assertTrue(auth.authenticate(Deliveries.post(Map.of("x-signature", signature, "x-timestamp", ts,
                "svix-id", "msg_2abcDEF345ghiJKL678mnoPQR"), BODY)));
        assertEquals(Optional.of("msg_2abcDEF345ghiJKL678mnoPQR"), auth.deliveryId(Deliveries.post(Map.of(
                "svix-id", "msg_2abcDEF345ghiJKL678mnoPQR"), BODY)));
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature", signature, "x-timestamp", ts), BODY)),
                "the signed message id is missing");
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature", signature, "x-timestamp", ts,
                "svix-id", "msg_other"), BODY)), "another message id");
        assertEquals(Optional.empty(), auth.deliveryId(Deliveries.post(Map.of("svix-id", "not an id <script>"), BODY)),
                "only a plain id is logged");
    }

    @Test
    void theConfiguredServerUrlIsSignedInsteadOfTheRebuiltOne() throws Exception {
        String serverUrl = "https://hooks.example.com/vapi?tenant=7";
        HmacAuthenticator auth = authenticator(Map.of("vapi.webhook.hmac-payload-template", "{url}{body}",
                "vapi.webhook.url", serverUrl), "key".getBytes());
        assertTrue(auth.authenticate(Deliveries.post(Map.of("x-signature",
                hmac("HmacSHA256", "key".getBytes(), concat(serverUrl, BODY))), BODY)));
        assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature",
                hmac("HmacSHA256", "key".getBytes(), concat(Deliveries.URL, BODY))), BODY)));
    }

    @Test
    void withoutATimestampTheDefaultPayloadIsTheBody() throws Exception {
        HmacAuthenticator auth = authenticator(Map.of("vapi.webhook.hmac-include-timestamp", "false"), "key".getBytes());
        assertTrue(auth.authenticate(Deliveries.post(Map.of("x-signature", hmac("HmacSHA256", "key".getBytes(), BODY)), BODY)));
    }

    @Test
    void hostileHeaderValuesAreRefusalsNeverErrors() throws Exception {
        HmacAuthenticator auth = authenticator(Map.of(), "key".getBytes());
        for (String ts : new String[] {"-99999999999999999", "-9223372036854775808", "9223372036854775807",
            "99999999999999999999999", "1.7e12", "1785585600e0", "0x6A", "", " ", "now", "١٧٨٥٥٨٥٦٠٠", "+1785585600"}) {
            String signature = hmac("HmacSHA256", "key".getBytes(), concat(ts.trim() + ".", BODY));
            assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature", signature, "x-timestamp", ts), BODY)), ts);
        }
        for (String signature : new String[] {"", "\u0000", "z".repeat(100_000), "é".repeat(64), "sha256="}) {
            assertFalse(auth.authenticate(Deliveries.post(Map.of("x-signature", signature,
                    "x-timestamp", Long.toString(NOW.getEpochSecond())), BODY)));
        }
        InboundEvent.HttpDelivery notBase64 = new InboundEvent.HttpDelivery("POST", new Headers(Map.of("x-signature", "00")),
                RequestBody.of("%%% not base64 %%%", true), "r", Deliveries.URL, Map.of());
        assertFalse(auth.authenticate(notBase64), "a body that cannot be decoded cannot have been signed");
    }

    @Test
    void configurationsThatCanNeverMatchStopTheStartNamingTheSetting() {
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> authenticator(
                Map.of("vapi.webhook.hmac-payload-template", "{timestamp}.{body}.{nonce}"), "k".getBytes()));
        assertTrue(unknown.getMessage().contains("VAPI_WEBHOOK_HMAC_PAYLOAD_TEMPLATE")
                && unknown.getMessage().contains("{nonce}"), unknown.getMessage());
        IllegalStateException noIdHeader = assertThrows(IllegalStateException.class, () -> authenticator(
                Map.of("vapi.webhook.hmac-payload-template", "{svix-id}.{timestamp}.{body}"), "k".getBytes()));
        assertTrue(noIdHeader.getMessage().contains("VAPI_WEBHOOK_HMAC_MESSAGE_ID_HEADER"), noIdHeader.getMessage());
        IllegalStateException noTimestamp = assertThrows(IllegalStateException.class, () -> authenticator(
                Map.of("vapi.webhook.hmac-include-timestamp", "false",
                        "vapi.webhook.hmac-payload-template", "{timestamp}.{body}"), "k".getBytes()));
        assertTrue(noTimestamp.getMessage().contains("VAPI_WEBHOOK_HMAC_INCLUDE_TIMESTAMP"), noTimestamp.getMessage());
    }

    @Test
    void templateWithoutBodyIsAConfigurationError() {
        assertThrows(IllegalStateException.class,
                () -> authenticator(Map.of("vapi.webhook.hmac-payload-template", "{timestamp}"), "k".getBytes()));
    }
}
