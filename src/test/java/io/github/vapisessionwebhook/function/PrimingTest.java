package io.github.vapisessionwebhook.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.reader.SessionReader;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.Credential;
import io.github.vapisessionwebhook.support.WebhookConfigs;
import io.github.vapisessionwebhook.support.WiredFunction;
import io.github.vapisessionwebhook.webhook.WebhookAuthenticator;
import io.github.vapisessionwebhook.webhook.WebhookConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Priming goes through the real path, authenticated by each credential type, and stores nothing. */
class PrimingTest {

    private static Priming priming(Credential credential, SessionRepository repository) {
        WebhookConfig config = WebhookConfigs.of(credential.config());
        WebhookAuthenticator authenticator = WiredFunction.authenticator(config);
        SessionWebhookFunction function = WiredFunction.with(config, authenticator, repository);
        return new Priming(() -> function, () -> authenticator, () -> new SessionReaderFunction(new SessionReader(repository)),
                repository, SessionWebhookFunction.NAME, false, false);
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void primingPassesAuthenticationAndTheWritePathAndStoresNothing(Credential credential) {
        InMemorySessionRepository repository = new InMemorySessionRepository();
        assertEquals(200, priming(credential, repository).prime(), "authenticated with the configured credential");
        assertTrue(repository.findById(SessionRecord.DRY_RUN_SESSION_ID).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = Credential.class, names = "BEARER")
    void anUnreachableStoreDoesNotFailPriming(Credential credential) {
        assertEquals(503, priming(credential, new ResponseContractTest.FailingRepository()).prime());
    }

    @org.junit.jupiter.api.Test
    void theReaderIsPrimedThroughTheQueryApiWithoutAnyWebhookCredential() {
        InMemorySessionRepository repository = new InMemorySessionRepository();
        Priming reader = new Priming(() -> {
            throw new AssertionError("the webhook is not built");
        }, () -> {
            throw new AssertionError("no credential is needed");
        }, () -> new SessionReaderFunction(new SessionReader(repository)), repository, SessionReaderFunction.NAME, false, false);
        assertEquals(200, reader.prime());
    }
}
