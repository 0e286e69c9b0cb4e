package io.github.vapisessionwebhook.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.gateway.GatewayEventReader;
import io.github.vapisessionwebhook.gateway.GatewayResponse;
import io.github.vapisessionwebhook.gateway.InboundEvent;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.webhook.WebhookAuthenticator;
import io.github.vapisessionwebhook.webhook.WebhookError;
import io.github.vapisessionwebhook.webhook.secret.SecretUnavailableException;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Priming: sends one delivery through the real path, as Lambda and API Gateway would hand it over:
 * the event parsed from bytes, the gateway adapter, authentication (with a credential the configured
 * authenticator makes itself), binding, mapping, the store's write and the response, serialised.
 * The bundled message's session id is the dry-run id that no store keeps, so the write is sent and
 * refused and priming stores nothing; one read of that id warms the store's answer path. The first
 * real event then does not pay for loading classes, warming Jackson and building the DynamoDB
 * client. It runs during init ({@code vapi.prime-on-start}) and, with SnapStart, before the
 * snapshot, which then holds it all.
 */
@Startup
@ApplicationScoped
public class Priming implements Resource {

    private static final Logger LOG = Logger.getLogger(Priming.class);

    /** Lambda's events and responses are JSON: Funqy reads and writes them with Jackson, as this does. */
    private static final ObjectMapper JSON = new ObjectMapper();

    // Suppliers: only the exported function's parts are built (the reader needs no webhook credential).
    private final Supplier<SessionWebhookFunction> webhook;
    private final Supplier<WebhookAuthenticator> authenticator;
    private final Supplier<SessionReaderFunction> reader;
    private final SessionRepository repository;
    private final boolean readerExported;
    private final boolean beforeSnapshot;
    private final boolean onStart;

    @Inject
    public Priming(Instance<SessionWebhookFunction> webhook, Instance<WebhookAuthenticator> authenticator,
            Instance<SessionReaderFunction> reader, SessionRepository repository,
            @ConfigProperty(name = "quarkus.funqy.export") String exported,
            @ConfigProperty(name = "vapi.snapstart.priming", defaultValue = "true") boolean beforeSnapshot,
            @ConfigProperty(name = "vapi.prime-on-start", defaultValue = "true") boolean onStart) {
        this(webhook::get, authenticator::get, reader::get, repository, exported, beforeSnapshot, onStart);
    }

    Priming(Supplier<SessionWebhookFunction> webhook, Supplier<WebhookAuthenticator> authenticator,
            Supplier<SessionReaderFunction> reader, SessionRepository repository, String exported,
            boolean beforeSnapshot, boolean onStart) {
        this.webhook = webhook;
        this.authenticator = authenticator;
        this.reader = reader;
        this.repository = repository;
        this.readerExported = SessionReaderFunction.NAME.equals(exported);
        this.beforeSnapshot = beforeSnapshot;
        this.onStart = onStart;
    }

    @PostConstruct
    void register() {
        if (!readerExported) {
            // Builds the webhook's authenticator now: a missing credential stops the function before any event.
            authenticator.get();
        }
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
        int status = prime();
        LOG.infof("priming took %.1f ms (answered %d)", (System.nanoTime() - started) / 1e6, status);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh here: the SDK re-reads credentials per request and reopens stale
        // connections; the webhook secret re-reads itself (webhook.secret.SecretsManagerSecret).
    }

    /** One request through the exported function's real path; returns its status. */
    int prime() {
        return readerExported ? primeReader() : primeWebhook();
    }

    /** A delivery to the webhook; 200 unless the store could not be reached. */
    private int primeWebhook() {
        InboundEvent.HttpDelivery unsigned = (InboundEvent.HttpDelivery) GatewayEventReader.read(event());
        InboundEvent.HttpDelivery signed;
        try {
            signed = authenticator.get().authorise(unsigned);
        } catch (SecretUnavailableException e) {
            // Already logged by the secret's own read; the first delivery tries again (and gets 503 until it can).
            LOG.warn("priming skipped: the webhook secret cannot be read");
            return WebhookError.CREDENTIAL_UNAVAILABLE.status();
        }
        GatewayResponse response = webhook.get().respond(signed, System.nanoTime());
        try {
            JSON.writeValueAsBytes(response);
            // The write was refused; a read is the way to warm the store's answer path without storing.
            repository.findById(SessionRecord.DRY_RUN_SESSION_ID);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("priming could not complete: %s", e.getClass().getSimpleName());
        }
        return checked(response);
    }

    /** A read of the dry-run id (never found: 404) and one listing, through the query API. */
    private int primeReader() {
        ObjectNode listing = JSON.createObjectNode().put("assistantId", SessionRecord.DRY_RUN_SESSION_ID).put("limit", "1");
        checked(reader.get().read(listing));
        GatewayResponse one = reader.get().read(JSON.createObjectNode().put("sessionId", SessionRecord.DRY_RUN_SESSION_ID));
        return one.statusCode() == 404 ? 200 : checked(one);
    }

    private static int checked(GatewayResponse response) {
        if (response.statusCode() != 200) {
            // A store that cannot be reached at init or snapshot time is primed by the first real request instead.
            LOG.warnf("priming could not complete the real path: %d", response.statusCode());
        }
        return response.statusCode();
    }

    /** An HTTP API (payload 2.0) POST carrying the bundled session message, read from bytes as Lambda delivers it. */
    private static JsonNode event() {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("rawPath", "/webhook").put("rawQueryString", "")
                .put("body", new String(sample(), StandardCharsets.UTF_8)).put("isBase64Encoded", false);
        event.putObject("headers").put("content-type", "application/json");
        ObjectNode requestContext = event.putObject("requestContext");
        requestContext.put("domainName", "priming.invalid").put("requestId", "priming");
        requestContext.putObject("http").put("method", "POST").put("path", "/webhook");
        try {
            return JSON.readTree(new ByteArrayInputStream(JSON.writeValueAsBytes(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
