package io.github.vapisessionwebhook.webhook.secret;

import io.github.vapisessionwebhook.aws.AwsFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crac.Context;
import org.crac.Resource;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The secret in AWS Secrets Manager ({@code VAPI_WEBHOOK_SECRET_ID}), read at start-up, again when
 * the cached read is older than the cache time, after a refused delivery (at most once per refresh
 * interval) and after a SnapStart restore. Rotation needs no deployment: once Secrets Manager
 * makes a new version current, the first delivery signed with it triggers a refresh. Until the
 * grace period after the new version's creation has passed, the previous version ({@code
 * AWSPREVIOUS}) is accepted too, so Vapi's credential can follow later.
 *
 * <p>A secret that cannot be read never opens the function: deliveries are answered 503 until a
 * read succeeds. A cached read stays in force for its cache time even if a forced refresh fails.
 */
public final class SecretsManagerSecret implements WebhookSecret, Resource {

    private static final Logger LOG = Logger.getLogger(SecretsManagerSecret.class);

    private final SecretsManagerClient client;
    private final String secretId;
    private final Duration cacheFor;
    private final Duration refreshInterval;
    private final Duration grace;
    private final Clock clock;
    // Guarded by this: reads are rare (minutes apart) and short, so one lock is enough.
    private SecretVersions versions;
    private Instant lastRefresh = Instant.MIN;

    public SecretsManagerSecret(SecretsManagerClient client, String secretId, Duration cacheFor, Duration refreshInterval,
            Duration grace, Clock clock) {
        this.client = client;
        this.secretId = secretId;
        this.cacheFor = cacheFor;
        this.refreshInterval = refreshInterval;
        this.grace = grace;
        this.clock = clock;
    }

    /** The start-up read; a failure is logged and every delivery answered 503 until a read succeeds. */
    public synchronized void load() {
        try {
            read();
        } catch (SecretUnavailableException e) {
            LOG.errorf("the webhook secret cannot be read; deliveries are answered 503 until it can: %s", e.getMessage());
        }
    }

    @Override
    public synchronized List<String> accepted() {
        Instant now = clock.instant();
        if (versions == null || !now.isBefore(versions.readAt().plus(cacheFor))) {
            read();
        }
        return versions.accepted(now, grace);
    }

    @Override
    public synchronized boolean refresh() {
        Instant now = clock.instant();
        if (now.isBefore(lastRefresh.plus(refreshInterval))) {
            return false;
        }
        lastRefresh = now;
        SecretVersions before = versions;
        read();
        boolean changed = !versions.sameSecrets(before);
        if (changed) {
            LOG.info("the webhook secret changed in Secrets Manager; the new version is in force");
        }
        return changed;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // The snapshot keeps the secret in memory (Lambda encrypts snapshots); it is re-read on restore.
    }

    /** A snapshot may be days old: its secret is not trusted, it is read again or deliveries get 503. */
    @Override
    public synchronized void afterRestore(Context<? extends Resource> context) {
        versions = null;
        load();
    }

    private void read() {
        Instant now = clock.instant();
        GetSecretValueResponse response = get("AWSCURRENT");
        SecretVersions current = new SecretVersions(text(response), Optional.ofNullable(response.createdDate()),
                Optional.empty(), now);
        // Only during a grace period is the previous version worth a second call.
        versions = current.inGrace(now, grace) ? current.withPrevious(previous()) : current;
    }

    private Optional<String> previous() {
        try {
            return Optional.of(text(get("AWSPREVIOUS")));
        } catch (SecretUnavailableException e) {
            // Usually a secret with no previous version yet; either way only the current one is accepted.
            LOG.debugf("no previous webhook secret accepted: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private GetSecretValueResponse get(String stage) {
        try {
            return client.getSecretValue(request -> request.secretId(secretId).versionStage(stage));
        } catch (ResourceNotFoundException e) {
            throw new SecretUnavailableException("Secrets Manager has no " + stage + " version of " + secretId);
        } catch (SdkException e) {
            throw new SecretUnavailableException(
                    AwsFailures.describe("Secrets Manager GetSecretValue of " + secretId + " (" + stage + ")", "Secrets Manager", e));
        }
    }

    private String text(GetSecretValueResponse response) {
        String text = response.secretString();
        if (text == null || text.isBlank()) {
            throw new SecretUnavailableException("the secret " + secretId + " has no SecretString: store the token or HMAC "
                    + "secret as the secret's plain text value");
        }
        return text;
    }
}
