package io.github.vapisessionwebhook.function;

import static io.github.vapisessionwebhook.support.Invoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.support.Hmac;
import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.Payloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HMAC end to end, over the raw (and base64-decoded) body bytes. */
@QuarkusTest
@TestProfile(HmacAuthenticationTest.HmacProfile.class)
class HmacAuthenticationTest {

    static final String SECRET = "vapi-hmac-secret";

    public static class HmacProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vapi.webhook.auth", "hmac", "vapi.webhook.secret", SECRET);
        }
    }

    @Inject
    SessionRepository repository;

    static String sign(String timestamp, String body) {
        return Hmac.sha256Hex(SECRET, timestamp + "." + body, new byte[0]);
    }

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = {"HTTP_API", "REST_API"})
    void signedRequestsPassAndForgeriesDoNot(EventKind kind) throws Exception {
        String id = UUID.randomUUID().toString();
        // Whitespace and key order as sent: the signature covers these exact bytes.
        String body = Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z")).replace(",", ", ");
        String now = Long.toString(System.currentTimeMillis());
        String signature = sign(now, body);

        for (boolean base64 : new boolean[] {false, true}) {
            var changed = invoke(kind.event("POST", Map.of("X-Signature", signature, "X-Timestamp", now),
                    body.replace("Billing question", "Billing questioN"), base64));
            assertEquals(401, changed.status(), "body changed after signing");
        }
        String old = Long.toString(System.currentTimeMillis() - 10 * 60 * 1000);
        var replayed = invoke(kind.event("POST", Map.of("x-signature", sign(old, body), "x-timestamp", old), body, false));
        assertEquals(401, replayed.status(), "replayed 10 minutes later");
        assertEquals(Optional.empty(), repository.findById(id));

        var accepted = invoke(kind.event("POST", Map.of("X-SIGNATURE", signature, "x-TimeStamp", now), body, true));
        assertEquals("created", accepted.field("result"));
    }
}
