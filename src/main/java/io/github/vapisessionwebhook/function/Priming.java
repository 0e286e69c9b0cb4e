package io.github.vapisessionwebhook.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.gateway.GatewayEventReader;
import io.github.vapisessionwebhook.gateway.GatewayResponse;
import io.github.vapisessionwebhook.gateway.InboundEvent;
import io.github.vapisessionwebhook.session.SessionRecordMapper;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.vapi.VapiMessage;
import io.github.vapisessionwebhook.vapi.VapiMessageReader;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Priming: runs each part of the exported function once on a bundled session message, storing,
 * logging and counting nothing: the gateway adapter, binding, mapping, the response's JSON and a
 * store read of a key no record has (its client, connection and signing); the reader through its
 * query API. Free before a SnapStart snapshot (on by default); at init off by default, since an
 * on-demand cold start answers later with it (docs/benchmarks.md). Nothing else knows about it.
 */
@Startup
@ApplicationScoped
public class Priming implements Resource {

    /** The one key priming reads; no record has it (the webhook's role may read this key only). */
    public static final String STORE_KEY = "priming-never-stored";

    private static final Logger LOG = Logger.getLogger(Priming.class);
    /** Lambda's events and responses are JSON: Funqy reads and writes them with Jackson, as this does. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VapiMessageReader vapi;
    private final SessionRepository repository;
    // Only the exported function's parts are built: the reader's deployment has no webhook credential.
    private final Supplier<SessionReaderFunction> reader;
    private final boolean readerExported;
    private final boolean aotTraining;
    private final boolean beforeSnapshot;
    private final boolean onStart;

    @Inject
    public Priming(VapiMessageReader vapi, SessionRepository repository, Instance<SessionReaderFunction> reader,
            @ConfigProperty(name = "quarkus.funqy.export") String exported,
            @ConfigProperty(name = "vapi.snapstart.priming", defaultValue = "true") boolean beforeSnapshot,
            @ConfigProperty(name = "vapi.prime-on-start", defaultValue = "false") boolean onStart,
            @ConfigProperty(name = "vapi.aot-training", defaultValue = "false") boolean aotTraining) {
        this(vapi, repository, reader::get, exported, beforeSnapshot, onStart, aotTraining);
    }

    Priming(VapiMessageReader vapi, SessionRepository repository, Supplier<SessionReaderFunction> reader, String exported,
            boolean beforeSnapshot, boolean onStart, boolean aotTraining) {
        this.vapi = vapi;
        this.repository = repository;
        this.reader = reader;
        this.readerExported = SessionReaderFunction.NAME.equals(exported);
        this.aotTraining = aotTraining;
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
            beforeCheckpoint(null);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        try {
            // The aot build's one training run primes both functions: its cache serves both.
            if (readerExported || aotTraining) {
                primeReader();
            }
            if (!readerExported) {
                primeWebhook();
            }
            LOG.infof("priming took %.1f ms", (System.nanoTime() - started) / 1e6);
        } catch (IOException | RuntimeException e) {
            // A store unreachable at init or snapshot time is warmed by the first real request instead.
            LOG.warnf("priming could not complete: %s", e.getClass().getSimpleName());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh here: the SDK re-reads credentials per request and reopens stale
        // connections; the webhook secret re-reads itself (webhook.secret.SecretsManagerSecret).
    }

    private void primeWebhook() throws IOException {
        InboundEvent.HttpDelivery delivery = (InboundEvent.HttpDelivery) GatewayEventReader.read(event());
        VapiMessage.SessionEvent session = (VapiMessage.SessionEvent) vapi.read(delivery.body().text());
        SessionRecordMapper.toRecord(session.eventType(), session.message(), Instant.now());
        JSON.writeValueAsBytes(GatewayResponse.json(200, Map.of("result", "created", "type", session.type())));
        repository.findById(STORE_KEY);
    }

    private void primeReader() throws IOException {
        JSON.writeValueAsBytes(reader.get().read(JSON.createObjectNode().put("assistantId", STORE_KEY).put("limit", "1")));
        reader.get().read(JSON.createObjectNode().put("sessionId", STORE_KEY));
    }

    /** An HTTP API (payload 2.0) POST carrying the bundled session message, parsed from bytes as Lambda delivers it. */
    private static JsonNode event() throws IOException {
        ObjectNode event = JSON.createObjectNode();
        try (InputStream sample = Priming.class.getResourceAsStream("/priming/session-created.json")) {
            event.put("version", "2.0").put("rawPath", "/webhook").put("body", new String(sample.readAllBytes(),
                    StandardCharsets.UTF_8)).put("isBase64Encoded", false);
        }
        event.putObject("headers").put("content-type", "application/json");
        ObjectNode requestContext = event.putObject("requestContext");
        requestContext.put("domainName", "priming.invalid").put("requestId", "priming");
        requestContext.putObject("http").put("method", "POST").put("path", "/webhook");
        return JSON.readTree(JSON.writeValueAsBytes(event));
    }
}
