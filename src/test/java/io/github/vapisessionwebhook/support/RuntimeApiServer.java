package io.github.vapisessionwebhook.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) as AWS serves it to a runtime: {@code next} long-polls for an
 * event, {@code response} and {@code error} answer it, {@code init/error} reports a failed start.
 * A function process started with {@code AWS_LAMBDA_RUNTIME_API} pointing here runs exactly as on
 * Lambda, one event at a time.
 */
public final class RuntimeApiServer implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private volatile boolean closed;

    /**
     * What the function answered: its response, or an invocation error; with when the event was
     * handed to the function and when its answer arrived ({@link System#nanoTime()}).
     */
    public record Outcome(boolean error, String body, long deliveredNanos, long answeredNanos) {

        public long latencyNanos() {
            return answeredNanos - deliveredNanos;
        }
    }

    private record Invocation(String requestId, String event) {
    }

    private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
    private volatile long firstPollNanos;
    /** Lambda's trace header for the next events; by default an untraced one (no parent segment). */
    private volatile String traceHeader = "Root=1-00000000-000000000000000000000000";

    public RuntimeApiServer() throws IOException {
        // Without it the JDK server's separate header and body writes meet the client's delayed ACK:
        // about 40 ms on every event, which is this harness, not the function.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues {@code event} and waits for the function's answer, or for {@code abort} (e.g. the process died). */
    public Outcome invoke(String event, Duration timeout, CompletableFuture<String> abort) throws Exception {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        inFlight.put(requestId, outcome);
        pending.add(new Invocation(requestId, event));
        return CompletableFuture.anyOf(outcome,
                        initError.thenApply(error -> new Outcome(true, "init error: " + error, 0, 0)),
                        abort.thenApply(reason -> new Outcome(true, reason, 0, 0)))
                .thenApply(Outcome.class::cast)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends {@code header} as {@code Lambda-Runtime-Trace-Id} with the next events, as Lambda does with tracing active. */
    public void traceHeader(String header) {
        traceHeader = header;
    }

    public CompletableFuture<String> initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("invocation/next")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                initError.complete(body);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/")) {
                String[] parts = path.split("/");
                CompletableFuture<Outcome> outcome = inFlight.remove(parts[1]);
                if (outcome == null) {
                    reply(exchange, 400, "{\"errorMessage\":\"unknown request id\"}");
                    return;
                }
                long answered = System.nanoTime();
                outcome.complete(new Outcome(parts[2].equals("error"), body,
                        deliveredAt.getOrDefault(parts[1], answered), answered));
                deliveredAt.remove(parts[1]);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{}");
            }
        }
    }

    /** When the function first asked for an event: its initialisation was done ({@link System#nanoTime()}). */
    public long firstPollNanos() {
        return firstPollNanos;
    }

    private void next(HttpExchange exchange) throws IOException {
        if (firstPollNanos == 0) {
            firstPollNanos = System.nanoTime();
        }
        Invocation invocation = null;
        while (invocation == null && !closed) {
            try {
                invocation = pending.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (invocation == null) {
            reply(exchange, 500, "{\"errorMessage\":\"runtime api closed\"}");
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + Duration.ofSeconds(30).toMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:vapi-session-webhook");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", traceHeader);
        deliveredAt.put(invocation.requestId(), System.nanoTime());
        reply(exchange, 200, invocation.event());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
