package io.github.vapisessionwebhook.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.contrib.awsxray.propagator.AwsXrayLambdaPropagator;
import io.opentelemetry.contrib.awsxray.propagator.AwsXrayPropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Traces with OpenTelemetry, when {@code VAPI_TRACING_ENABLED}: one span per invocation that Lambda
 * traces (a child of Lambda's own segment, read from its trace header with AWS's X-Ray propagator,
 * so Lambda's sampling decision holds), and one per DynamoDB and Secrets Manager call inside it
 * (OpenTelemetry's AWS SDK instrumentation: service, operation, table, outcome; the X-Ray header on
 * the request). Spans go over OTLP/HTTP to {@code OTEL_EXPORTER_OTLP_ENDPOINT}, where AWS's
 * OpenTelemetry collector layer forwards them to X-Ray, and are flushed before each answer, since
 * Lambda freezes the process after it. With tracing off, or with no trace header (priming before a
 * snapshot, direct tests), nothing is started, so no trace state exists before a snapshot.
 */
@ApplicationScoped
public class Tracing {

    /** Lambda's trace header, set per invocation by both runtime loops (AWS's client and Quarkus's). */
    static final String LAMBDA_TRACE_HEADER = "com.amazonaws.xray.traceHeader";
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(1);
    private static final TextMapGetter<Map<String, String>> NO_CARRIER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier.get(key);
        }
    };
    /** Made with this class, traced or not, so the aot build's training (traced) puts it in the cache too. */
    private static final ExecutionInterceptor NO_SPANS = new ExecutionInterceptor() {
    };

    private final Optional<OpenTelemetrySdk> sdk;
    private final ExecutionInterceptor awsCalls;

    @Inject
    public Tracing(@ConfigProperty(name = "vapi.tracing.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "otel.exporter.otlp.endpoint", defaultValue = "http://localhost:4318") String endpoint,
            @ConfigProperty(name = "aws.lambda.function.name", defaultValue = "vapi-session-webhook") String service) {
        this(enabled ? Optional.of(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint.replaceAll("/+$", "") + "/v1/traces").setTimeout(FLUSH_TIMEOUT).build()).build())
                : Optional.empty(), service);
    }

    /** With {@code processor} receiving the spans (a test's in-memory exporter), or none: tracing off. */
    public Tracing(Optional<SpanProcessor> processor, String service) {
        this.sdk = processor.map(spans -> OpenTelemetrySdk.builder()
                // Only inside a traced invocation: a call outside one (init, priming) starts no trace.
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(spans).setSampler(Sampler.parentBased(Sampler.alwaysOff()))
                        .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                                AttributeKey.stringKey("service.name"), service, AttributeKey.stringKey("cloud.provider"), "aws",
                                AttributeKey.stringKey("faas.name"), service))))
                        .build())
                .setPropagators(ContextPropagators.create(AwsXrayPropagator.getInstance())).build());
        this.awsCalls = sdk.map(otel -> AwsSdkTelemetry.create(otel).newExecutionInterceptor())
                .orElse(NO_SPANS);
    }

    /** The AWS SDK's interceptor for the clients' calls: spans when tracing is on, nothing otherwise. */
    ExecutionInterceptor awsCalls() {
        return awsCalls;
    }

    /**
     * Starts the invocation's span, current until {@link Invocation#close()}, if tracing is on and
     * Lambda traces this invocation; otherwise an invocation that records nothing.
     */
    public Invocation begin(String name) {
        if (sdk.isEmpty()) {
            return Invocation.UNTRACED;
        }
        Context lambda = AwsXrayLambdaPropagator.getInstance().extract(Context.root(), Map.of(), NO_CARRIER);
        if (!Span.fromContext(lambda).getSpanContext().isValid()) {
            return Invocation.UNTRACED;
        }
        Span span = sdk.get().getTracer("io.github.vapisessionwebhook").spanBuilder(name).setParent(lambda)
                .setSpanKind(SpanKind.SERVER).startSpan();
        return new Invocation(span, span.makeCurrent(), sdk.get().getSdkTracerProvider());
    }

    /**
     * The X-Ray trace id of the current invocation ({@code 1-5759e988-bd862e3fe1be46a994272793}), for
     * its log line and metrics record, or empty when Lambda passed none.
     */
    public static Optional<String> lambdaTraceId() {
        String header = System.getProperty(LAMBDA_TRACE_HEADER, System.getenv("_X_AMZN_TRACE_ID"));
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return Optional.of(part.substring("Root=".length()));
            }
        }
        return Optional.empty();
    }

    /** One invocation's span: its answer's status and result, then ended and flushed. */
    public static final class Invocation implements AutoCloseable {

        static final Invocation UNTRACED = new Invocation(Span.getInvalid(), Scope.noop(), null);

        private final Span span;
        private final Scope scope;
        private final SdkTracerProvider provider;

        private Invocation(Span span, Scope scope, SdkTracerProvider provider) {
            this.span = span;
            this.scope = scope;
            this.provider = provider;
        }

        /** The answer: its status, and the result word (never a payload value). */
        public void answered(int status, String result) {
            span.setAttribute("http.response.status_code", status);
            span.setAttribute("vapi.result", result);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
        }

        @Override
        public void close() {
            if (provider == null) {
                return;
            }
            span.end();
            scope.close();
            // Lambda freezes the process once the answer is sent: export now, within a bound.
            provider.forceFlush().join(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
