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
 * Priming: runs the hot path once (parse and bind a bundled session message, map it, build a
 * response) and reads one key from the store, storing nothing, so that the first real event does
 * not pay for loading classes, warming Jackson and building the DynamoDB client. It runs during
 * init ({@code vapi.prime-on-start}) and, with SnapStart, before the snapshot, which then holds it all.
 */
@Startup
@ApplicationScoped
public class Priming implements Resource {

    private static final Logger LOG = Logger.getLogger(Priming.class);
    /** The key priming reads; it is never written. */
    public static final String PRIMING_SESSION_ID = "priming-never-stored";

    private final VapiMessageReader reader;
    private final SessionRepository repository;
    private final boolean beforeSnapshot;
    private final boolean onStart;

    public Priming(VapiMessageReader reader, SessionRepository repository,
            @ConfigProperty(name = "vapi.snapstart.priming", defaultValue = "true") boolean beforeSnapshot,
            @ConfigProperty(name = "vapi.prime-on-start", defaultValue = "true") boolean onStart) {
        this.reader = reader;
        this.repository = repository;
        this.beforeSnapshot = beforeSnapshot;
        this.onStart = onStart;
    }

    @PostConstruct
    void register() {
        if (beforeSnapshot) {
            // The global context keeps resources weakly; this bean lives as long as the application.
            Core.getGlobalContext().register(this);
        }
        if (onStart) {
            // Init work instead of first-event work: the first event then costs a few warm events, not dozens.
            beforeCheckpoint(null);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        prime();
        LOG.infof("priming took %.1f ms", (System.nanoTime() - started) / 1e6);
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
            // A store that cannot be reached at init or snapshot time is primed by the first real event instead.
            LOG.warnf("priming could not reach the store: %s", e.getClass().getSimpleName());
        }
    }

    private static byte[] sample() {
        try (InputStream in = Priming.class.getResourceAsStream("/priming/session-created.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
