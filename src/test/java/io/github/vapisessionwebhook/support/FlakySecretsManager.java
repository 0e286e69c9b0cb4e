package io.github.vapisessionwebhook.support;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Moto's Secrets Manager with outages on demand: while a version stage is down, reading it fails
 * as an unreachable endpoint does. Counts every read the function attempts.
 */
public final class FlakySecretsManager implements SecretsManagerClient {

    private final SecretsManagerClient moto;
    private final Set<String> down = new HashSet<>();
    private final AtomicInteger reads = new AtomicInteger();

    public FlakySecretsManager(SecretsManagerClient moto) {
        this.moto = moto;
    }

    /** Reads of these stages ({@code AWSCURRENT}, {@code AWSPREVIOUS}) fail from now on; none to end the outage. */
    public void down(String... stages) {
        down.clear();
        down.addAll(Set.of(stages));
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
        reads.incrementAndGet();
        if (down.contains(request.versionStage())) {
            throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
        }
        return moto.getSecretValue(request);
    }

    @Override
    public String serviceName() {
        return moto.serviceName();
    }

    @Override
    public void close() {
        // Moto's client is shared by the tests.
    }
}
