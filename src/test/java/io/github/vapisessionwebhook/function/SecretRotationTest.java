package io.github.vapisessionwebhook.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.gateway.GatewayResponse;
import io.github.vapisessionwebhook.store.InMemorySessionRepository;
import io.github.vapisessionwebhook.support.Credential;
import io.github.vapisessionwebhook.support.FlakySecretsManager;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.SteppedClock;
import io.github.vapisessionwebhook.support.WebhookConfigs;
import io.github.vapisessionwebhook.support.WiredFunction;
import io.github.vapisessionwebhook.webhook.BearerAuthenticator;
import io.github.vapisessionwebhook.webhook.HmacAuthenticator;
import io.github.vapisessionwebhook.webhook.WebhookAuthenticator;
import io.github.vapisessionwebhook.webhook.WebhookConfig;
import io.github.vapisessionwebhook.webhook.secret.SecretsManagerSecret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A rotation as Vapi sees it, through the whole function, with the secret in moto's Secrets
 * Manager: the new secret is accepted on its first delivery, the old one during the grace period
 * and refused after it, and a secret that cannot be read answers 503 and stores nothing.
 */
class SecretRotationTest {

    private static final Duration GRACE = Duration.ofHours(1);
    /** The refresh interval of the default configuration: the first back-off after a failed read. */
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final SecretsManagerClient moto = Moto.start().secrets();
    private final String name = "webhook/" + UUID.randomUUID();
    private final SteppedClock clock = new SteppedClock(Instant.now());
    private final InMemorySessionRepository store = new InMemorySessionRepository();

    private SessionWebhookFunction function(Credential credential, SecretsManagerClient client) {
        WebhookConfig config = WebhookConfigs.of(credential.config());
        SecretsManagerSecret secret = new SecretsManagerSecret(client, name, config.secretCache(),
                config.secretRefreshInterval(), GRACE, clock);
        secret.load();
        WebhookAuthenticator authenticator = credential == Credential.BEARER
                ? new BearerAuthenticator(secret, config.bearerHeader(), config.bearerPrefix(), config.legacySecretHeader())
                // HMAC timestamps are checked against the wall clock Vapi signs with.
                : new HmacAuthenticator(secret, config, Clock.systemUTC());
        return WiredFunction.with(config, authenticator, store);
    }

    /** Delivers a new session signed with {@code secret}; its status (and it was stored exactly when 200). */
    private int deliver(SessionWebhookFunction function, Credential credential, String secret) {
        return send(function, credential, secret).statusCode();
    }

    private GatewayResponse send(SessionWebhookFunction function, Credential credential, String secret) {
        String id = UUID.randomUUID().toString();
        ObjectNode event = Payloads.event("http-api-session-created.json");
        event.put("body", Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z")));
        credential.authorise(event, secret);
        GatewayResponse response = function.handle(event);
        assertEquals(response.statusCode() == 200, store.findById(id).isPresent(), response.body());
        return response;
    }

    @ParameterizedTest
    @EnumSource(value = Credential.class, names = {"BEARER", "HMAC"})
    void aRotatedSecretIsInForceAtOnceAndTheOldOneUntilTheGracePeriodEnds(Credential credential) {
        moto.createSecret(create -> create.name(name).secretString("secret-before"));
        SessionWebhookFunction function = function(credential, moto);
        assertEquals(200, deliver(function, credential, "secret-before"));
        assertEquals(401, deliver(function, credential, "secret-after"), "not yet rotated");

        moto.putSecretValue(put -> put.secretId(name).secretString("secret-after"));
        Instant rotated = Instant.now();
        clock.advance(Duration.ofSeconds(5));
        assertEquals(200, deliver(function, credential, "secret-after"), "Vapi's first delivery with the new secret");
        assertEquals(200, deliver(function, credential, "secret-before"), "Vapi not yet switched: the grace period");
        assertEquals(401, deliver(function, credential, "never-a-secret"));

        clock.advance(Duration.between(clock.instant(), rotated).plus(GRACE).plusSeconds(1));
        assertEquals(401, deliver(function, credential, "secret-before"), "after the grace period only the new one");
        assertEquals(200, deliver(function, credential, "secret-after"));
    }

    @ParameterizedTest
    @EnumSource(value = Credential.class, names = {"BEARER", "HMAC"})
    void aSecretThatCannotBeReadAnswers503UntilItCan(Credential credential) {
        SessionWebhookFunction function = function(credential, moto);
        for (String secret : new String[] {"secret-to-come", "anything"}) {
            GatewayResponse response = send(function, credential, secret);
            assertEquals(503, response.statusCode(), "missing secret: neither accepted nor refused, nothing stored");
            assertEquals("{\"error\":\"credential_unavailable\"}", response.body());
        }

        moto.createSecret(create -> create.name(name).secretString("secret-to-come"));
        clock.advance(REFRESH);
        assertEquals(200, deliver(function, credential, "secret-to-come"), "read again once the back-off has passed, no restart");
        assertEquals(401, deliver(function, credential, "anything"));
    }

    /** No credential of the configured type: refused as such, whatever the state of Secrets Manager. */
    @ParameterizedTest
    @EnumSource(value = Credential.class, names = {"BEARER", "HMAC"})
    void aDeliveryWithoutACredentialIs401WithoutReadingTheSecret(Credential credential) {
        FlakySecretsManager secrets = new FlakySecretsManager(moto);
        secrets.down("AWSCURRENT");
        SessionWebhookFunction function = function(credential, secrets);
        int readsAtStart = secrets.reads();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(10));
            ObjectNode noHeader = Payloads.event("http-api-session-created.json");
            assertEquals(401, function.handle(noHeader).statusCode());
            ObjectNode otherScheme = Payloads.event("http-api-session-created.json");
            ((ObjectNode) otherScheme.get("headers")).put("authorization", "Basic dmFwaTpzZWNyZXQ=").put("x-signature", "");
            assertEquals(401, function.handle(otherScheme).statusCode());
        }
        assertEquals(readsAtStart, secrets.reads(), "the secret was not read for them");
    }

    /**
     * Secrets Manager down after a good read: deliveries keep flowing on the value read, a wrong
     * credential is still 401, and reads back off instead of one per delivery.
     */
    @ParameterizedTest
    @EnumSource(value = Credential.class, names = {"BEARER", "HMAC"})
    void anOutageAfterAReadStopsNoGoodDelivery(Credential credential) {
        moto.createSecret(create -> create.name(name).secretString("steady-secret"));
        FlakySecretsManager secrets = new FlakySecretsManager(moto);
        SessionWebhookFunction function = function(credential, secrets);
        secrets.down("AWSCURRENT", "AWSPREVIOUS");
        int readsBefore = secrets.reads();
        clock.advance(Duration.ofMinutes(6));
        for (int second = 0; second < 120; second++) {
            assertEquals(200, deliver(function, credential, "steady-secret"), "second " + second);
            if (second % 10 == 0) {
                assertEquals(401, deliver(function, credential, "wrong-secret"), "a refusal stays a refusal");
            }
            clock.advance(Duration.ofSeconds(1));
        }
        int attempts = secrets.reads() - readsBefore;
        assertTrue(attempts >= 2 && attempts <= 6, attempts + " reads in two minutes of deliveries: backed off");

        secrets.down();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, deliver(function, credential, "steady-secret"));
        assertEquals(401, deliver(function, credential, "wrong-secret"));
    }

    /** A cold start during a rotation's grace period, with AWSPREVIOUS unreadable: Vapi's old credential is retried, not refused. */
    @ParameterizedTest
    @EnumSource(value = Credential.class, names = {"BEARER", "HMAC"})
    void aPreviousVersionThatCannotBeReadIsNotTakenForNone(Credential credential) {
        moto.createSecret(create -> create.name(name).secretString("secret-before"));
        moto.putSecretValue(put -> put.secretId(name).secretString("secret-after"));
        FlakySecretsManager secrets = new FlakySecretsManager(moto);
        secrets.down("AWSPREVIOUS");
        SessionWebhookFunction function = function(credential, secrets);
        assertEquals(200, deliver(function, credential, "secret-after"));
        GatewayResponse old = send(function, credential, "secret-before");
        assertEquals(503, old.statusCode(), "it may be genuine: Vapi retries it");
        assertEquals("{\"error\":\"credential_unavailable\"}", old.body());

        secrets.down();
        clock.advance(REFRESH);
        assertEquals(200, deliver(function, credential, "secret-before"), "read once AWSPREVIOUS answers");
        assertEquals(401, deliver(function, credential, "never-a-secret"));
    }

    /** A warm function that knew the old secret keeps accepting it in the grace period though AWSPREVIOUS cannot be read. */
    @ParameterizedTest
    @EnumSource(value = Credential.class, names = {"BEARER", "HMAC"})
    void theSecretCurrentBeforeARotationIsThePreviousOneWhenAwsPreviousCannotBeRead(Credential credential) {
        moto.createSecret(create -> create.name(name).secretString("secret-before"));
        FlakySecretsManager secrets = new FlakySecretsManager(moto);
        SessionWebhookFunction function = function(credential, secrets);
        assertEquals(200, deliver(function, credential, "secret-before"));
        moto.putSecretValue(put -> put.secretId(name).secretString("secret-after"));
        secrets.down("AWSPREVIOUS");
        clock.advance(REFRESH);
        assertEquals(200, deliver(function, credential, "secret-after"));
        assertEquals(200, deliver(function, credential, "secret-before"));
    }

    /** {@code aws secretsmanager create-secret --secret-string file://token.txt} stores the file's newline too. */
    @ParameterizedTest
    @EnumSource(value = Credential.class, names = {"BEARER", "HMAC"})
    void aSecretStoredWithSurroundingWhitespaceWorks(Credential credential) {
        moto.createSecret(create -> create.name(name).secretString("  secret-from-a-file\n"));
        SessionWebhookFunction function = function(credential, moto);
        assertEquals(200, deliver(function, credential, "secret-from-a-file"));
    }

    @ParameterizedTest
    @EnumSource(value = Credential.class, names = {"BEARER", "HMAC"})
    void anUnreachableSecretsManagerAnswers503(Credential credential) {
        SessionWebhookFunction function = function(credential, Moto.secretsManager(URI.create("http://127.0.0.1:9")));
        assertEquals(503, deliver(function, credential, "any"));
    }

}
