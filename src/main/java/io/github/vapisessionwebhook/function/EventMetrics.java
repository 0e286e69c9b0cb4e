package io.github.vapisessionwebhook.function;

import io.github.vapisessionwebhook.gateway.ApiError;
import io.github.vapisessionwebhook.webhook.WebhookOutcome;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * One CloudWatch embedded-metric-format record per webhook event on stdout: {@code Events},
 * {@code Refusals} (4xx), {@code AuthenticationFailures} (401), {@code StoreLatency} (ms), under no
 * dimension, by {@code Result} and by {@code Error}, with the X-Ray {@code traceId} where Lambda
 * passed one. Dimension values come from fixed sets, never from a payload, so the metric count
 * cannot grow with traffic.
 */
@ApplicationScoped
// The library serialises its records with Jackson, by reflection: register its model for native.
@RegisterForReflection(classNames = {
        "software.amazon.cloudwatchlogs.emf.model.RootNode",
        "software.amazon.cloudwatchlogs.emf.model.Metadata",
        "software.amazon.cloudwatchlogs.emf.model.MetricDirective",
        "software.amazon.cloudwatchlogs.emf.model.MetricDefinition",
        "software.amazon.cloudwatchlogs.emf.model.StorageResolution",
        "software.amazon.cloudwatchlogs.emf.model.Unit",
        "software.amazon.cloudwatchlogs.emf.model.EmptyMetricsFilter",
        "software.amazon.cloudwatchlogs.emf.serializers.InstantSerializer",
        "software.amazon.cloudwatchlogs.emf.serializers.InstantDeserializer",
        "software.amazon.cloudwatchlogs.emf.serializers.StorageResolutionFilter",
        "software.amazon.cloudwatchlogs.emf.serializers.StorageResolutionSerializer",
        "software.amazon.cloudwatchlogs.emf.serializers.UnitSerializer",
        "software.amazon.cloudwatchlogs.emf.serializers.UnitDeserializer"})
public class EventMetrics {

    private static final Logger LOG = Logger.getLogger(EventMetrics.class);

    /** The {@code Result} values: the outcome's kind, not its free text. */
    enum Result {
        created, updated, unchanged, ignored, refused, failed
    }

    private final Environment environment;
    private final String namespace;
    private final boolean enabled;

    @Inject
    public EventMetrics(@ConfigProperty(name = "vapi.metrics.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "vapi.metrics.namespace", defaultValue = "VapiSessionWebhook") String namespace) {
        this(new LambdaEnvironment(), namespace, enabled);
    }

    /** With the library's {@code environment} (its sink): Lambda's writes each record as one stdout line. */
    EventMetrics(Environment environment, String namespace, boolean enabled) {
        this.environment = environment;
        this.namespace = namespace;
        this.enabled = enabled;
    }

    void handled(WebhookOutcome outcome, String traceId) {
        if (!enabled) {
            return;
        }
        try {
            MetricsLogger metrics = new MetricsLogger(environment);
            metrics.setNamespace(namespace);
            // The library reads only _X_AMZN_TRACE_ID, which Java runtimes do not set per invocation.
            if (traceId != null) {
                metrics.putProperty("traceId", traceId);
            }
            DimensionSet byResult = DimensionSet.of("Result", result(outcome).name());
            if (outcome instanceof WebhookOutcome.Rejected rejected) {
                metrics.setDimensions(new DimensionSet(), byResult, DimensionSet.of("Error", rejected.error().code()));
            } else {
                metrics.setDimensions(new DimensionSet(), byResult);
            }
            metrics.putMetric("Events", 1, Unit.COUNT);
            int status = outcome.status();
            if (status >= 400 && status < 500) {
                metrics.putMetric("Refusals", 1, Unit.COUNT);
            }
            if (status == ApiError.UNAUTHORIZED.status()) {
                metrics.putMetric("AuthenticationFailures", 1, Unit.COUNT);
            }
            if (outcome instanceof WebhookOutcome.Recorded recorded) {
                metrics.putMetric("StoreLatency", recorded.storeNanos() / 1e6, Unit.MILLISECONDS);
            }
            metrics.flush();
        } catch (RuntimeException e) {
            // Metrics must never cost an event its answer.
            LOG.warnf("metrics record not written: %s", e.getClass().getSimpleName());
        }
    }

    static Result result(WebhookOutcome outcome) {
        if (outcome instanceof WebhookOutcome.Recorded recorded) {
            return Result.valueOf(recorded.result());
        }
        if (outcome instanceof WebhookOutcome.Ignored) {
            return Result.ignored;
        }
        return outcome.status() < 500 ? Result.refused : Result.failed;
    }
}
