package io.github.vapisessionwebhook.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.RuntimeApiServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code sam local start-api} without Docker: {@code target/function.zip} run as the packaged tests
 * run it (AWS's runtime interface client, a local Runtime API), behind the template's routes on
 * loopback. Each HTTP request becomes the event an HTTP API (payload 2.0) would send, and the
 * function's proxy response becomes the HTTP response. DynamoDB and Secrets Manager are moto's,
 * started here, unless {@code QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE} points elsewhere.
 */
public final class LocalApi implements AutoCloseable {

    /** Lambda's request payload limit: API Gateway answers 413 for a larger event. */
    private static final int LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final Route webhook;
    private final Route reader;

    /** One function of the template, on its own Runtime API, answering one event at a time as Lambda does. */
    private record Route(RuntimeApiServer runtimeApi, PackagedFunction function) implements AutoCloseable {

        synchronized RuntimeApiServer.Outcome invoke(String event) throws Exception {
            return runtimeApi.invoke(event, TIMEOUT, function.exited());
        }

        @Override
        public void close() {
            function.close();
            runtimeApi.close();
        }
    }

    private LocalApi(int port, Map<String, String> environment) throws IOException {
        Map<String, String> aws = new HashMap<>(environment);
        if (!aws.containsKey("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE")) {
            Moto moto = Moto.start();
            moto.createTable(Moto.TABLE);
            aws.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", moto.endpoint().toString());
            aws.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString());
            aws.putIfAbsent("VAPI_SESSIONS_TABLE", Moto.TABLE);
            if (!aws.containsKey("VAPI_WEBHOOK_SECRET")) {
                String secret = "local-" + UUID.randomUUID();
                moto.putSecret(PackagedFunction.Deployment.fromTemplate().environment().get("VAPI_WEBHOOK_SECRET_ID"), secret);
                System.out.println("local API: the webhook secret in moto's Secrets Manager is " + secret);
            }
        }
        if (aws.containsKey("VAPI_WEBHOOK_SECRET")) {
            aws.put("VAPI_WEBHOOK_SECRET_ID", "");
        }
        webhook = route("WebhookFunction", aws);
        reader = route("ReaderFunction", aws);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static LocalApi start(int port, Map<String, String> environment) throws IOException {
        return new LocalApi(port, environment);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static Route route(String logicalId, Map<String, String> environment) throws IOException {
        RuntimeApiServer runtimeApi = new RuntimeApiServer();
        return new Route(runtimeApi, PackagedFunction.start(PackagedFunction.Deployment.fromTemplate(logicalId),
                runtimeApi.address(), environment, Files.createTempDirectory(Path.of("target"), "local-" + logicalId)));
    }

    /** One log line per request: method, path, status, duration. */
    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        int status;
        try (exchange) {
            status = answer(exchange);
        } catch (Exception e) {
            status = 502;
            System.out.println("local API: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + " failed: " + e);
        }
        System.out.printf("local API: %s %s -> %d (%.1f ms)%n", exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), status, (System.nanoTime() - started) / 1e6);
    }

    private int answer(HttpExchange exchange) throws Exception {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Route route = "/webhook".equals(path) && "POST".equals(method) ? webhook
                : "/sessions".equals(path) || path.matches("/sessions/[^/]+") ? reader : null;
        if (route == null) {
            return send(exchange, 404, "{\"message\":\"Not Found\"}");
        }
        String event = Payloads.text(event(exchange, route == reader, body));
        if (event.length() > LAMBDA_PAYLOAD_LIMIT) {
            return send(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
        }
        RuntimeApiServer.Outcome outcome = route.invoke(event);
        if (outcome.error()) {
            return send(exchange, 500, "{\"message\":\"Internal Server Error\"}");
        }
        JsonNode response = Payloads.JSON.readTree(outcome.body());
        response.path("headers").properties().forEach(header -> exchange.getResponseHeaders().add(header.getKey(),
                header.getValue().asText()));
        String text = response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(text)
                : text.getBytes(StandardCharsets.UTF_8);
        return send(exchange, response.path("statusCode").asInt(200), bytes);
    }

    /** API Gateway's own answers (no route, too large, a failed invocation). */
    private static int send(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().add("content-type", "application/json");
        return send(exchange, status, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The event API Gateway's HTTP API (payload 2.0) sends for this request; the reader's routes carry an IAM identity. */
    private static ObjectNode event(HttpExchange exchange, boolean iam, byte[] body) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String routeKey = iam ? (path.equals("/sessions") ? "ANY /sessions" : "ANY /sessions/{sessionId}") : "POST /webhook";
        ObjectNode event = Payloads.JSON.createObjectNode().put("version", "2.0").put("routeKey", routeKey)
                .put("rawPath", path).put("rawQueryString", query == null ? "" : query);
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                values.forEach(cookies -> List.of(cookies.split(";\\s*")).forEach(event.withArray("cookies")::add));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        if (query != null && !query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                String name = URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8);
                String value = nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "";
                parameters.put(name, parameters.has(name) ? parameters.get(name).asText() + "," + value : value);
            }
        }
        if (path.startsWith("/sessions/")) {
            event.putObject("pathParameters").put("sessionId", URLDecoder.decode(path.substring(10), StandardCharsets.UTF_8));
        }
        Instant now = Instant.now();
        ObjectNode context = event.putObject("requestContext").put("accountId", "000000000000").put("apiId", "local")
                .put("domainName", exchange.getRequestHeaders().getFirst("Host") == null ? "127.0.0.1" : exchange.getRequestHeaders().getFirst("Host"))
                .put("domainPrefix", "local").put("requestId", UUID.randomUUID().toString()).put("routeKey", routeKey)
                .put("stage", "$default").put("time", REQUEST_TIME.format(now)).put("timeEpoch", now.toEpochMilli());
        context.putObject("http").put("method", method).put("path", path).put("protocol", exchange.getProtocol())
                .put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress())
                .put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        if (iam) {
            // No AWS here: every reader request is taken as signed by this local identity.
            context.putObject("authorizer").putObject("iam").put("accountId", "000000000000")
                    .put("userArn", "arn:aws:iam::000000000000:user/local").put("callerId", "local");
        }
        String text = utf8(body);
        if (body.length > 0) {
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
        }
        event.put("isBase64Encoded", body.length > 0 && text == null);
        return event;
    }

    /** The body as text when it is valid UTF-8; {@code null} when API Gateway would send it base64-encoded. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    private static int send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        return status;
    }

    @Override
    public void close() {
        server.stop(0);
        webhook.close();
        reader.close();
    }

    /** {@code ./mvnw -Plocal-api}: serves until Ctrl-C, configured by the {@code VAPI_*} variables as deployed. */
    public static void main(String[] args) throws Exception {
        Map<String, String> environment = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("VAPI_") || name.equals("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE")) {
                environment.put(name, value);
            }
        });
        LocalApi api = start(Integer.getInteger("local-api.port", 3000), environment);
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "local-api-stop"));
        System.out.printf("local API on http://127.0.0.1:%d: POST /webhook, GET /sessions and /sessions/{sessionId} (Ctrl-C stops)%n",
                api.port());
        Thread.currentThread().join();
    }
}
