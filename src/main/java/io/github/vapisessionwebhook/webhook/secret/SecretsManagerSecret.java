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
 * The secret in AWS Secrets Manager ({@code VAPI_WEBHOOK_SECRET_ID}): read at start-up, after the
 * cache time, after a refused delivery (at most once per refresh interval) and after a SnapStart
 * restore, so a rotation needs no deploy; {@code AWSPREVIOUS} is accepted during the grace period.
 * Once read, a value serves through an outage (re-reads back off): it only stops being valid by a
 * rotation, itself a write the next successful read sees. An environment that never read it, or
 * that cannot read {@code AWSPREVIOUS} in a grace period, cannot decide a delivery: 503.
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
    private int failedReads;
    private Instant nextAttempt = Instant.MIN;
    private String lastFailure = "not read yet";

    public SecretsManagerSecret(SecretsManagerClient client, String secretId, Duration cacheFor, Duration refreshInterval,
            Duration grace, Clock clock) {
        this.client = client;
        this.secretId = secretId;
        this.cacheFor = cacheFor;
        this.refreshInterval = refreshInterval;
        this.grace = grace;
        this.clock = clock;
    }

    /** The start-up read; a failure is logged, and deliveries are answered 503 until a read succeeds. */
    public synchronized void load() {
        attemptRead(clock.instant());
    }

    @Override
    public synchronized List<String> accepted() {
        Instant now = clock.instant();
        if (versions == null || !now.isBefore(versions.readAt().plus(cacheFor))) {
            attemptRead(now);
        }
        if (versions == null) {
            throw new SecretUnavailableException(lastFailure);
        }
        return versions.accepted(now, grace);
    }

    @Override
    public synchronized boolean refresh() {
        Instant now = clock.instant();
        SecretVersions before = versions;
        if (!now.isBefore(lastRefresh.plus(refreshInterval))) {
            lastRefresh = now;
            attemptRead(now);
        }
        if (versions == null) {
            throw new SecretUnavailableException(lastFailure);
        }
        if (versions.undecidable(now, grace)) {
            throw new SecretUnavailableException("the previous version (AWSPREVIOUS) of " + secretId
                    + " could not be read during the rotation's grace period: a refused delivery may carry it");
        }
        boolean changed = !versions.sameSecrets(before);
        if (changed && before != null) {
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
        failedReads = 0;
        nextAttempt = Instant.MIN;
        load();
    }

    /** Reads the secret unless a back-off after failed reads is running; a failure keeps the last good read. */
    private void attemptRead(Instant now) {
        if (now.isBefore(nextAttempt)) {
            return;
        }
        try {
            versions = read(now);
            failedReads = 0;
            nextAttempt = Instant.MIN;
        } catch (SecretUnavailableException e) {
            failedReads++;
            Duration backOff = refreshInterval.multipliedBy(1L << Math.min(failedReads - 1, 20));
            nextAttempt = now.plus(backOff.compareTo(cacheFor) > 0 ? cacheFor : backOff);
            lastFailure = e.getMessage();
            if (versions == null) {
                LOG.errorf("the webhook secret cannot be read; deliveries are answered 503 until it can (next read "
                        + "at %s): %s", nextAttempt, lastFailure);
            } else {
                LOG.warnf("the webhook secret cannot be read; the value read at %s keeps serving (next read at %s): %s",
                        versions.readAt(), nextAttempt, lastFailure);
            }
        }
    }

    private SecretVersions read(Instant now) {
        GetSecretValueResponse response = get("AWSCURRENT");
        SecretVersions current = new SecretVersions(text(response), Optional.ofNullable(response.createdDate()),
                Optional.empty(), false, now);
        // Only during a grace period is the previous version worth a second call.
        return current.inGrace(now, grace) ? withPrevious(current) : current;
    }

    private SecretVersions withPrevious(SecretVersions current) {
        try {
            return current.withPrevious(Optional.of(text(get("AWSPREVIOUS"))), false);
        } catch (NoSuchVersion none) {
            return current.withPrevious(Optional.empty(), false);
        } catch (SecretUnavailableException e) {
            LOG.warnf("the previous webhook secret cannot be read during the rotation's grace period: %s", e.getMessage());
            // What was current before the rotation is what is previous now; else it stays unknown.
            if (versions != null && !versions.current().equals(current.current())) {
                return current.withPrevious(Optional.of(versions.current()), false);
            }
            return versions != null ? current.withPrevious(versions.previous(), versions.previousUnknown())
                    : current.withPrevious(Optional.empty(), true);
        }
    }

    private GetSecretValueResponse get(String stage) {
        try {
            return client.getSecretValue(request -> request.secretId(secretId).versionStage(stage));
        } catch (ResourceNotFoundException e) {
            throw new NoSuchVersion("Secrets Manager has no " + stage + " version of " + secretId);
        } catch (SdkException e) {
            throw new SecretUnavailableException(
                    AwsFailures.describe("Secrets Manager GetSecretValue of " + secretId + " (" + stage + ")", "Secrets Manager", e));
        }
    }

    /**
     * The secret's text without surrounding whitespace: a secret stored from a file
     * ({@code --secret-string file://token.txt}) usually ends with a newline, which no credential carries.
     */
    private String text(GetSecretValueResponse response) {
        String text = response.secretString();
        if (text == null || text.isBlank()) {
            throw new SecretUnavailableException("the secret " + secretId + " has no SecretString: store the token or HMAC "
                    + "secret as the secret's plain text value");
        }
        String stripped = text.strip();
        if (stripped.length() != text.length()) {
            LOG.warnf("the secret %s has whitespace around its value (a newline from a file?): it is used without it", secretId);
        }
        return stripped;
    }

    /** The secret, or the asked-for version of it, does not exist: a fact, not an outage. */
    private static final class NoSuchVersion extends SecretUnavailableException {

        NoSuchVersion(String message) {
            super(message);
        }
    }
}
