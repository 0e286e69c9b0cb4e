package io.github.vapisessionwebhook.function;

import io.github.vapisessionwebhook.gateway.GatewayResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.Credential;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.WiredFunction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Strangers' requests, generated: header maps of every size and form (the credential headers with
 * timestamps out of any range, negative, in exponent form or words, signatures of any length and
 * charset, empty values, the same name in two cases, authorizer claims from another issuer), any
 * method, bodies valid, oversized or not base64. For each credential type the only answers are
 * 401, or 405 and 413 where those checks come first, and nothing is ever stored.
 */
class ForgedRequestsTest {

    private static final List<Credential> GUARDED = List.of(Credential.BEARER, Credential.HMAC, Credential.OAUTH2);
    private static final int MAX_BODY = 2048;

    private final Map<Credential, InMemorySessionRepository> stores = new EnumMap<>(Credential.class);
    private final Map<Credential, SessionWebhookFunction> functions = new EnumMap<>(Credential.class);

    ForgedRequestsTest() {
        for (Credential credential : GUARDED) {
            InMemorySessionRepository store = new InMemorySessionRepository();
            Map<String, String> config = new java.util.HashMap<>(credential.config());
            config.put("vapi.webhook.max-body-bytes", Integer.toString(MAX_BODY));
            stores.put(credential, store);
            functions.put(credential, WiredFunction.with(config, store));
        }
    }

    record Forgery(Credential credential, String kind, String method, Map<String, String> headers,
            Map<String, String> claims, String bodyForm) {
    }

    @Property(tries = 1500)
    void noForgedRequestGetsAnythingButARefusal(@ForAll("forgeries") Forgery forgery) {
        String id = UUID.randomUUID().toString();
        ObjectNode event = Payloads.event(forgery.kind());
        if (event.has("httpMethod")) {
            event.put("httpMethod", forgery.method());
        } else {
            ((ObjectNode) event.get("requestContext").get("http")).put("method", forgery.method());
        }
        ObjectNode headers = event.putObject("headers");
        forgery.headers().forEach(headers::put);
        ObjectNode authorizer = ((ObjectNode) event.get("requestContext")).putObject("authorizer");
        forgery.claims().forEach(authorizer.putObject("jwt").putObject("claims")::put);
        String body = Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z"));
        switch (forgery.bodyForm()) {
            case "text" -> event.put("body", body).put("isBase64Encoded", false);
            case "base64" -> event.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)))
                    .put("isBase64Encoded", true);
            case "not-base64" -> event.put("body", "%%%" + body).put("isBase64Encoded", true);
            default -> event.put("body", body + " ".repeat(MAX_BODY)).put("isBase64Encoded", false);
        }

        GatewayResponse response = functions.get(forgery.credential()).handle(event);

        int expected = !forgery.method().equalsIgnoreCase("POST") ? 405 : forgery.bodyForm().equals("oversized") ? 413 : 401;
        assertEquals(expected, response.statusCode(), response.body());
        assertTrue(stores.get(forgery.credential()).findById(id).isEmpty(), "a forged request stored a record");
    }

    @Provide
    Arbitrary<Forgery> forgeries() {
        return Combinators.combine(
                Arbitraries.of(GUARDED),
                Arbitraries.of("http-api-session-created.json", "rest-api-session-updated.json"),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, Arbitraries.just("POST")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of("GET", "PUT", "post", "DELETE", "OPTIONS", ""))),
                headerMaps(),
                claims(),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, Arbitraries.just("text")),
                        net.jqwik.api.Tuple.of(4, Arbitraries.just("base64")),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just("not-base64")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just("oversized"))))
                .as(Forgery::new);
    }

    private static Arbitrary<Map<String, String>> headerMaps() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("authorization", "Authorization", "AUTHORIZATION", "x-vapi-secret", "X-Vapi-Secret",
                        "x-signature", "X-Signature", "x-timestamp", "X-Timestamp", "svix-id", "content-type"),
                Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(40));
        return Arbitraries.maps(names, values()).ofMaxSize(8);
    }

    private static Arbitrary<String> values() {
        String now = Long.toString(System.currentTimeMillis());
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "Bearer", "Bearer ", "bearer null", "Basic dXNlcjpwYXNz", now,
                        Long.toString(System.currentTimeMillis() / 1000), "-99999999999999999", "-9223372036854775808",
                        "9223372036854775807", "99999999999999999999999999", "1.7e12", "1e400", "-0", "NaN", "now",
                        "sha256=", "0".repeat(64), "Bearer " + Credential.SECRET.toUpperCase()),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                        .map(Object::toString),
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withCharRange('0', 'f').ofLength(64),
                Arbitraries.strings().all().ofMinLength(5_000).ofMaxLength(20_000),
                Arbitraries.strings().ofMaxLength(80).map(s -> "Bearer " + s));
    }

    private static Arbitrary<Map<String, String>> claims() {
        return Arbitraries.oneOf(
                Arbitraries.just(Map.<String, String>of()),
                Arbitraries.strings().ofMaxLength(60).map(issuer -> Map.of("iss", issuer, "client_id", "vapi")),
                Arbitraries.just(Map.of("iss", Credential.ISSUER + "/", "client_id", "vapi")),
                Arbitraries.just(Map.of("sub", Credential.ISSUER)));
    }
}
