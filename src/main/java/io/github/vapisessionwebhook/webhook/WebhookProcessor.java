package io.github.vapisessionwebhook.webhook;

import io.github.vapisessionwebhook.gateway.ApiError;
import io.github.vapisessionwebhook.gateway.InboundEvent;
import io.github.vapisessionwebhook.gateway.RequestBody;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRecordMapper;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.StorageUnavailableException;
import io.github.vapisessionwebhook.session.WriteResult;
import io.github.vapisessionwebhook.vapi.InvalidMessageException;
import io.github.vapisessionwebhook.vapi.VapiMessage;
import io.github.vapisessionwebhook.vapi.VapiMessageReader;
import io.github.vapisessionwebhook.webhook.secret.SecretUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The webhook's decisions, in order: method, size, authentication, parsing, recording. Nothing in
 * the body is looked at before authentication passes, and nothing is stored unless every check
 * passed. Direct invocations skip authentication: AWS IAM let the caller invoke the function.
 */
@ApplicationScoped
public class WebhookProcessor {

    private static final Logger LOG = Logger.getLogger(WebhookProcessor.class);

    private final VapiMessageReader reader;
    private final SessionRepository repository;
    private final Clock clock;
    private final WebhookConfig config;
    private final WebhookAuthenticator authenticator;

    public WebhookProcessor(VapiMessageReader reader, SessionRepository repository, Clock clock, WebhookConfig config,
            WebhookAuthenticator authenticator) {
        this.reader = reader;
        this.repository = repository;
        this.clock = clock;
        this.config = config;
        this.authenticator = authenticator;
    }

    public WebhookOutcome process(InboundEvent event) {
        String deliveryId = null;
        try {
            if (event instanceof InboundEvent.OtherMethod) {
                return new WebhookOutcome.Rejected(ApiError.METHOD_NOT_ALLOWED, null, null);
            }
            if (!(event instanceof InboundEvent.HttpDelivery delivery)) {
                return handle(reader.read(((InboundEvent.DirectInvocation) event).body()), null);
            }
            RequestBody body = delivery.body();
            if (body.length() > config.maxBodyBytes()) {
                return new WebhookOutcome.Rejected(ApiError.PAYLOAD_TOO_LARGE, null, null);
            }
            if (!authenticated(delivery)) {
                return new WebhookOutcome.Rejected(ApiError.UNAUTHORIZED, null, null);
            }
            deliveryId = authenticator.deliveryId(delivery).orElse(null);
            // A plain gateway body is already text (decoded from the event's JSON): parsed as such.
            // Base64 bodies are raw bytes and get strict UTF-8.
            return handle(body.isText() ? reader.read(body.text()) : reader.read(body.bytes().orElseThrow(
                    () -> InvalidMessageException.invalidJson("the body is marked base64-encoded but is not valid base64"))),
                    deliveryId);
        } catch (InvalidMessageException e) {
            return new WebhookOutcome.Rejected(
                    e.isInvalidJson() ? ApiError.INVALID_JSON : ApiError.INVALID_MESSAGE, e.getMessage(), deliveryId);
        } catch (StorageUnavailableException e) {
            LOG.errorf("storage unavailable, answered 503 so that Vapi retries: %s", e.getMessage());
            return new WebhookOutcome.Rejected(ApiError.STORAGE_UNAVAILABLE, null, deliveryId);
        } catch (SecretUnavailableException e) {
            LOG.errorf("webhook secret unavailable, answered 503 so that Vapi retries: %s", e.getMessage());
            return new WebhookOutcome.Rejected(ApiError.CREDENTIAL_UNAVAILABLE, null, deliveryId);
        }
    }

    /**
     * A delivery without a credential of the configured type is refused without reading the secret.
     * A refused credential is checked once more if the secret changed on a re-read (a rotated
     * secret). A credential check that fails in an unforeseen way refuses the request; only a delivery
     * that cannot be decided (no secret ever read, or a previous version in its grace period unread)
     * is a 5xx.
     */
    private boolean authenticated(InboundEvent.HttpDelivery delivery) {
        try {
            // authenticate() reads no secret for a delivery without a credential; only a refused
            // credential of the configured type is worth a re-read.
            return authenticator.authenticate(delivery) || (authenticator.presentsCredential(delivery)
                    && authenticator.refresh() && authenticator.authenticate(delivery));
        } catch (SecretUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("authentication failed unexpectedly; the request was refused", RedactedException.of(e));
            return false;
        }
    }

    private WebhookOutcome handle(VapiMessage message, String deliveryId) {
        if (message instanceof VapiMessage.SessionEvent session) {
            SessionRecord record = SessionRecordMapper.toRecord(session.eventType(), session.message(), clock.instant());
            long started = System.nanoTime();
            WriteResult write = repository.save(record);
            return new WebhookOutcome.Recorded(session.type(), record.sessionId(), write, System.nanoTime() - started,
                    deliveryId);
        }
        return new WebhookOutcome.Ignored(message.type(), deliveryId);
    }
}
