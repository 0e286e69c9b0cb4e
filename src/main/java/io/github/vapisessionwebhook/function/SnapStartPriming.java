package io.github.vapisessionwebhook.function;

import io.github.vapisessionwebhook.session.SessionRecordMapper;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.WriteResult;
import io.github.vapisessionwebhook.vapi.VapiMessage;
import io.github.vapisessionwebhook.vapi.VapiMessageReader;
import io.github.vapisessionwebhook.webhook.WebhookOutcome;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * SnapStart priming: before Lambda snapshots an initialised JVM function, runs the hot path once
 * (parse and bind a bundled session message, map it, build a response) and reads one key from the
 * store, so that the snapshot holds loaded classes, warmed Jackson caches and an initialised
 * DynamoDB client. Nothing is written. Without SnapStart no checkpoint happens and this is idle.
 */
@Startup
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    static final String PRIMING_SESSION_ID = "snapstart-priming-never-stored";

    private final VapiMessageReader reader;
    private final SessionRepository repository;
    private final boolean enabled;
    private final boolean onStart;

    public SnapStartPriming(VapiMessageReader reader, SessionRepository repository,
            @ConfigProperty(name = "vapi.snapstart.priming", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "vapi.prime-on-start", defaultValue = "false") boolean onStart) {
        this.reader = reader;
        this.repository = repository;
        this.enabled = enabled;
        this.onStart = onStart;
    }

    @PostConstruct
    void register() {
        if (enabled) {
            // The global context keeps resources weakly; this bean lives as long as the application.
            Core.getGlobalContext().register(this);
        }
        if (onStart) {
            // Without SnapStart: move the same warm-up into the init phase instead of the first event.
            beforeCheckpoint(null);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        prime();
        LOG.infof("SnapStart priming took %.1f ms", (System.nanoTime() - started) / 1e6);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the SDK re-reads credentials per request and reopens stale connections.
    }

    /** One pass over the hot path, storing nothing. */
    void prime() {
        VapiMessage message = reader.read(sample());
        if (message instanceof VapiMessage.SessionEvent event) {
            SessionRecordMapper.toRecord(event.eventType(), event.message(), Instant.now());
            new GatewayResponses(reader.mapper()).of(
                    new WebhookOutcome.Recorded(event.type(), event.message().session().id(), WriteResult.CREATED));
        }
        try {
            repository.findById(PRIMING_SESSION_ID);
        } catch (RuntimeException e) {
            // A store that cannot be reached at snapshot time is primed on the first real event instead.
            LOG.warnf("SnapStart priming could not reach the store: %s", e.getClass().getSimpleName());
        }
    }

    private static byte[] sample() {
        try (InputStream in = SnapStartPriming.class.getResourceAsStream("/priming/session-created.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
