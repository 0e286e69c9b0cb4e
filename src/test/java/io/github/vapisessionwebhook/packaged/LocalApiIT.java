package io.github.vapisessionwebhook.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.local.LocalApi;
import io.github.vapisessionwebhook.support.Payloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code ./mvnw -Plocal-api}'s server: real HTTP to function.zip, answered as the deployed HTTP API answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalApiIT {

    private static final String SECRET = "local-api-test-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalApi api;

    @BeforeAll
    void start() throws Exception {
        api = LocalApi.start(0, Map.of("VAPI_WEBHOOK_SECRET", SECRET));
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery));
    }

    @Test
    void aSignedSessionIsStoredAndReadBackThroughTheQueryRoutes() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z"));
        HttpResponse<String> created = send(request("/webhook").header("Authorization", "Bearer " + SECRET)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("created", Payloads.JSON.readTree(created.body()).get("result").asText());
        assertEquals("application/json", created.headers().firstValue("content-type").orElseThrow());

        HttpResponse<String> one = send(request("/sessions/" + id));
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(id, Payloads.JSON.readTree(one.body()).get("sessionId").asText());
        String assistant = Payloads.JSON.readTree(one.body()).get("assistantId").asText();
        HttpResponse<String> listing = send(request("/sessions?assistantId=" + assistant + "&limit=100"));
        assertEquals(200, listing.statusCode(), listing.body());
        assertTrue(listing.body().contains(id), listing.body());
    }

    /** What the deployed API refuses, the local one refuses with the same status. */
    @Test
    void refusalsAreTheDeployedApisOwn() throws Exception {
        String body = Payloads.text(Payloads.session("session.created", UUID.randomUUID().toString(), "2026-08-01T12:00:00.000Z"));
        assertEquals(401, send(request("/webhook").POST(HttpRequest.BodyPublishers.ofString(body))).statusCode(), "unsigned");
        assertEquals(404, send(request("/webhook")).statusCode(), "no route for GET /webhook");
        assertEquals(404, send(request("/elsewhere").POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
        assertEquals(405, send(request("/sessions/x").DELETE()).statusCode(), "the reader's ANY route, its own 405");
        assertEquals(413, send(request("/webhook").header("Authorization", "Bearer " + SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(" ".repeat(6_400_000)))).statusCode(), "beyond Lambda's payload");
        HttpResponse<String> binary = send(request("/webhook").header("Authorization", "Bearer " + SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xC3, (byte) 0x28})));
        assertEquals(400, binary.statusCode(), "a body that is not UTF-8 travels base64-encoded: " + binary.body());
        assertEquals("invalid_json", Payloads.JSON.readTree(binary.body()).get("error").asText());
    }
}
