package io.github.vapisessionwebhook.webhook.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.SteppedClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The secret read at run time, against moto's Secrets Manager: cache, rotation, grace, outages. */
class SecretsManagerSecretTest {

    private static final Duration CACHE = Duration.ofMinutes(5);
    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Duration GRACE = Duration.ofHours(1);

    private final SecretsManagerClient moto = Moto.start().secrets();
    private final String name = "webhook/" + UUID.randomUUID();
    // Moto stamps versions with its own wall clock; the secret's clock starts there and is moved by hand.
    private final SteppedClock clock = new SteppedClock(Instant.now());

    private SecretsManagerSecret secret(SecretsManagerClient client) {
        SecretsManagerSecret secret = new SecretsManagerSecret(client, name, CACHE, REFRESH, GRACE, clock);
        secret.load();
        return secret;
    }

    private void rotateTo(String value) {
        // PutSecretValue makes the new version AWSCURRENT and the old one AWSPREVIOUS, as a rotation does.
        moto.putSecretValue(put -> put.secretId(name).secretString(value));
    }

    @Test
    void readsTheCurrentSecretAndKeepsItForTheCacheTime() {
        moto.createSecret(create -> create.name(name).secretString("first"));
        SecretsManagerSecret secret = secret(moto);
        assertEquals(List.of("first"), secret.accepted());

        rotateTo("second");
        clock.advance(CACHE.minusSeconds(1));
        assertEquals(List.of("first"), secret.accepted(), "a cached read is used until the cache time has passed");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("second", "first"), secret.accepted(), "then read again: the new one, the old one in grace");
    }

    @Test
    void aRefreshAfterARefusalPicksUpARotationAtOnceButAtMostOncePerInterval() {
        moto.createSecret(create -> create.name(name).secretString("first"));
        SecretsManagerSecret secret = secret(moto);
        rotateTo("second");
        assertTrue(secret.refresh(), "the rotation is seen on the first refresh");
        assertEquals(List.of("second", "first"), secret.accepted());

        rotateTo("third");
        clock.advance(REFRESH.minusSeconds(1));
        assertFalse(secret.refresh(), "within the interval a refused delivery causes no read");
        assertEquals(List.of("second", "first"), secret.accepted());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(secret.refresh());
        assertEquals(List.of("third", "second"), secret.accepted());
        clock.advance(REFRESH);
        assertFalse(secret.refresh(), "nothing changed: the refused delivery stays refused");
    }

    @Test
    void thePreviousSecretIsAcceptedOnlyDuringTheGracePeriodAfterTheNewOneWasCreated() {
        moto.createSecret(create -> create.name(name).secretString("old"));
        SecretsManagerSecret secret = secret(moto);
        rotateTo("new");
        Instant rotated = Instant.now();
        assertTrue(secret.refresh());
        assertEquals(List.of("new", "old"), secret.accepted());

        clock.advance(Duration.between(clock.instant(), rotated).plus(GRACE).minusSeconds(5));
        assertEquals(List.of("new", "old"), secret.accepted(), "still within the hour after the new version's creation");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of("new"), secret.accepted(), "after it, only the current secret");
    }

    @Test
    void aSecretWithNoPreviousVersionAcceptsOnlyItsCurrentOne() {
        moto.createSecret(create -> create.name(name).secretString("only"));
        assertEquals(List.of("only"), secret(moto).accepted());
    }

    @Test
    void anUnreachableSecretsManagerNeverOpensTheFunction() throws IOException {
        SecretsManagerSecret secret = secret(Moto.secretsManager(URI.create("http://127.0.0.1:" + freePort())));
        SecretUnavailableException e = assertThrows(SecretUnavailableException.class, secret::accepted);
        assertTrue(e.getMessage().contains("no answer from Secrets Manager"), e.getMessage());
        assertThrows(SecretUnavailableException.class, secret::refresh);
    }

    @Test
    void aMissingSecretIsUnavailableUntilItExists() {
        SecretsManagerSecret secret = secret(moto);
        SecretUnavailableException e = assertThrows(SecretUnavailableException.class, secret::accepted);
        assertTrue(e.getMessage().contains("no AWSCURRENT version of " + name), e.getMessage());

        moto.createSecret(create -> create.name(name).secretString("created-later"));
        assertThrows(SecretUnavailableException.class, secret::accepted, "reads back off: not one per delivery");
        clock.advance(REFRESH);
        assertEquals(List.of("created-later"), secret.accepted(), "read again after the back-off, without a restart");
    }

    @Test
    void aBinarySecretIsUnavailableWithAMessageSayingWhy() {
        moto.createSecret(create -> create.name(name).secretBinary(SdkBytes.fromUtf8String("bytes")));
        SecretUnavailableException e = assertThrows(SecretUnavailableException.class, secret(moto)::accepted);
        assertTrue(e.getMessage().contains("has no SecretString"), e.getMessage());
    }

    @Test
    void aRestoredSnapshotReadsTheSecretAgainAndDoesNotTrustItsOwnCopy() {
        moto.createSecret(create -> create.name(name).secretString("at-snapshot"));
        SecretsManagerSecret secret = secret(moto);
        assertEquals(List.of("at-snapshot"), secret.accepted());
        rotateTo("at-restore");
        secret.afterRestore(null);
        assertEquals(List.of("at-restore", "at-snapshot"), secret.accepted());

        moto.deleteSecret(delete -> delete.secretId(name).forceDeleteWithoutRecovery(true));
        secret.afterRestore(null);
        assertThrows(SecretUnavailableException.class, secret::accepted, "unreadable at restore: 503, not the old secret");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
