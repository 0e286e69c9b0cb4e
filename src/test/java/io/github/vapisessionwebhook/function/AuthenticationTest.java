package io.github.vapisessionwebhook.function;

import static io.github.vapisessionwebhook.support.Invoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.vapisessionwebhook.session.SessionRepository;
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

/** Bearer authentication end to end: forged requests get 401 and store nothing. */
@QuarkusTest
@TestProfile(AuthenticationTest.Bearer.class)
class AuthenticationTest {

    static final String SECRET = "vapi-bearer-secret-0123456789";

    public static class Bearer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vapi.webhook.auth", "bearer", "vapi.webhook.secret", SECRET);
        }
    }

    @Inject
    SessionRepository repository;

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = {"HTTP_API", "REST_API"})
    void forgedRequestsAreUnauthorizedAndStoreNothing(EventKind kind) {
        Map<String, Map<String, String>> forged = Map.of(
                "no secret", Map.of(),
                "wrong secret", Map.of("Authorization", "Bearer not-the-secret"),
                "secret in the wrong header", Map.of("X-Api-Key", SECRET),
                "secret without scheme", Map.of("Authorization", SECRET),
                "legacy header with scheme", Map.of("X-Vapi-Secret", "Bearer " + SECRET));
        forged.forEach((what, headers) -> {
            String id = UUID.randomUUID().toString();
            String body = Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z"));
            var response = invoke(kind.event("POST", headers, body, false));
            assertEquals(401, response.status(), what);
            assertEquals("{\"error\":\"unauthorized\"}", response.rawBody(), what);
            assertEquals(Optional.empty(), repository.findById(id), what);
        });
        var broken = invoke(kind.event("POST", Map.of(), "{not json", false));
        assertEquals(401, broken.status(), "nothing is parsed before authentication");
    }

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = {"HTTP_API", "REST_API"})
    void vapisBearerFormsAreAccepted(EventKind kind) {
        for (Map<String, String> headers : new Map[] {
            Map.of("Authorization", "Bearer " + SECRET), Map.of("aUtHoRiZaTiOn", "Bearer " + SECRET),
            Map.of("X-Vapi-Secret", SECRET), Map.of("x-vapi-secret", SECRET)}) {
            String id = UUID.randomUUID().toString();
            String body = Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z"));
            assertEquals("created", invoke(kind.event("POST", headers, body, true)).field("result"), headers.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = "DIRECT")
    void directInvocationsAreAuthorisedByIam(EventKind kind) {
        String id = UUID.randomUUID().toString();
        String body = Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z"));
        assertEquals("created", invoke(kind.post(body)).field("result"));
    }
}
