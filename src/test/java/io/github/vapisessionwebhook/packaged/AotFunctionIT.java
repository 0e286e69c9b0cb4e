package io.github.vapisessionwebhook.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.support.Credential;
import io.github.vapisessionwebhook.support.EventKind;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.OtlpSink;
import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.RuntimeApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code target/function-aot.zip} (built by {@code ./mvnw -Paot verify}) run the way Lambda's
 * {@code provided.al2023} runs a custom runtime: unpacked into a task root elsewhere than where it
 * was trained, which is mounted read-only, its {@code bootstrap} started there with Lambda's
 * environment ({@code AWS_LAMBDA_RUNTIME_API}, {@code LAMBDA_TASK_ROOT}, {@code _HANDLER}) and only
 * {@code /tmp} writable, the store and secret on moto. The class-load log proves the AOT cache is
 * used, by the webhook and by the reader (one training run trained both); the same run on a task
 * root whose jar no longer matches the cache proves the proof can fail.
 */
class AotFunctionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SECRET = "aot-test-secret";
    private static final String FUNCTION_CLASS = "io.github.vapisessionwebhook.function.SessionWebhookFunction";

    private final Moto moto = Moto.start();

    @Test
    void bootstrapServesEventsFromTheAotCacheOnAReadOnlyTaskRoot() throws Exception {
        Path task = unpacked("aot-task");
        Map<String, Long> before = listing(task);
        Run run = run(task);
        assertTrue(run.fromCache().contains(FUNCTION_CLASS), "the function's classes come from the AOT cache:\n" + run.output());
        System.out.printf("aot: %,d of %,d classes loaded from the AOT cache%n", run.fromCache().size(), run.loaded());
        assertTrue(run.fromCache().size() > run.loaded() * 0.8, run.fromCache().size() + " of " + run.loaded());
        assertEquals(before, listing(task), "nothing was written into the task root");
    }

    /**
     * The libraries travel as one jar: every provider of a service that several libraries provide
     * is still listed, and each library's own licence and notice files are kept (under
     * {@code META-INF/libs/<jar>/} where their texts differ).
     */
    @Test
    void theLibrariesJarKeepsEveryServiceProviderAndEachLicence() throws Exception {
        Path task = unpacked("aot-libraries");
        assertTrue(Files.readString(task.resolve("bootstrap")).contains("-cp \"$LAMBDA_TASK_ROOT/app/function.jar:$LAMBDA_TASK_ROOT/app/lib.jar\""),
                "the class path is the function's jar and the libraries' jar");
        try (FileSystem jar = FileSystems.newFileSystem(task.resolve("app/lib.jar"))) {
            List<String> modules = Files.readAllLines(jar.getPath("META-INF/services/com.fasterxml.jackson.databind.Module"));
            assertTrue(modules.containsAll(List.of("com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
                    "com.fasterxml.jackson.datatype.jdk8.Jdk8Module", "com.fasterxml.jackson.datatype.joda.JodaModule")), modules.toString());
            Map<String, List<String>> kept;
            try (Stream<Path> libraries = Files.list(jar.getPath("META-INF/libs"))) {
                kept = libraries.collect(Collectors.toMap(library -> library.getFileName().toString().replaceFirst("-[0-9][^-]*\\.jar/?$", ""),
                        AotFunctionIT::fileNames));
            }
            assertEquals(List.of("LICENSE.txt", "NOTICE.txt"), kept.get("joda-time.joda-time"), kept.toString());
            assertEquals(List.of("LICENSE", "NOTICE"), kept.get("com.fasterxml.jackson.core.jackson-databind"), kept.toString());
        }
    }

    private static List<String> fileNames(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reader runs from the same zip, trained in the webhook's training run (priming runs its
     * query path): none of its own or DynamoDB's classes load from a jar, through a lookup and a listing.
     */
    @Test
    void theReaderIsServedFromTheCacheToo() throws Exception {
        Path task = unpacked("aot-reader-task");
        Path classLoads = Files.createTempFile("aot-reader-class-load", ".log");
        Map<String, String> environment = PackagedFunction.aotEnvironment("ReaderFunction", moto, SECRET);
        environment.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=512m -Xlog:class+load=info:file=" + classLoads);
        try (RuntimeApiServer runtimeApi = new RuntimeApiServer();
                PackagedFunction function = PackagedFunction.run(readOnly(task), task, runtimeApi.address(), environment)) {
            assertEquals(404, status(runtimeApi, function, "{\"sessionId\":\"" + UUID.randomUUID() + "\"}"));
            assertEquals(200, status(runtimeApi, function, "{\"assistantId\":\"" + UUID.randomUUID() + "\",\"limit\":\"5\"}"));
            List<String> lines = Files.readAllLines(classLoads);
            List<String> fromJars = lines.stream().filter(line -> !line.contains("source: shared objects file"))
                    .filter(line -> line.contains("io.github.vapisessionwebhook.") || line.contains("awssdk.services.dynamodb."))
                    .toList();
            assertEquals(List.of(), fromJars, "the reader's classes come from the AOT cache");
            System.out.printf("aot reader: %,d of %,d classes loaded from the AOT cache%n", fromCache(lines).size(), lines.size());
        }
    }

    /** Deployed with {@code TracingCollector}: a traced delivery's spans leave, and tracing's classes come from the cache. */
    @Test
    void aTracedDeliveryIsServedFromTheCacheAndSendsItsSpans() throws Exception {
        Path task = unpacked("aot-traced-task");
        Path classLoads = Files.createTempFile("aot-traced-class-load", ".log");
        try (OtlpSink collector = new OtlpSink(); RuntimeApiServer runtimeApi = new RuntimeApiServer()) {
            Map<String, String> environment = PackagedFunction.aotEnvironment("WebhookFunction", moto, SECRET);
            environment.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=512m -Xlog:class+load=info:file=" + classLoads);
            environment.put("VAPI_TRACING_ENABLED", "true");
            environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
            runtimeApi.traceHeader("Root=1-6759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
            try (PackagedFunction function = PackagedFunction.run(readOnly(task), task, runtimeApi.address(), environment)) {
                assertEquals(200, status(runtimeApi, function, EventKind.HTTP_API.event("POST", Map.of("Authorization", "Bearer " + SECRET),
                        Payloads.text(Payloads.session("session.created", UUID.randomUUID().toString(), "2026-08-01T12:00:00.000Z")), false)));
                assertTrue(collector.received().contains("PutItem"), "the spans left before the answer:\n" + function.output());
                List<String> tracing = Files.readAllLines(classLoads).stream().filter(line -> line.contains(" io.opentelemetry.")).toList();
                List<String> cached = fromCache(tracing);
                assertTrue(cached.containsAll(List.of("io.opentelemetry.sdk.trace.SdkTracerProvider",
                        "io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter",
                        "io.opentelemetry.contrib.awsxray.propagator.AwsXrayLambdaPropagator")), "tracing runs from the AOT cache");
                // The few left are the instrumentation's probes of SDK modules this function lacks, which no cache can hold.
                assertTrue(tracing.size() - cached.size() <= tracing.size() / 100, (tracing.size() - cached.size()) + " of "
                        + tracing.size() + " from jars: " + tracing.stream().filter(line -> !line.contains("shared objects file")).toList());
            }
        }
    }

    /** The zip deploys the JDK it was built with (docs/packaging.md: how to see it and update it). */
    @Test
    void theZipCarriesTheBuildsOwnJdk() throws IOException {
        String release = Files.readString(unpacked("aot-release").resolve("runtime").resolve("release"));
        assertTrue(release.contains("JAVA_VERSION=\"" + Runtime.version().version().stream().map(String::valueOf)
                .collect(Collectors.joining(".")) + "\""), release);
    }

    /** The check above must be able to fail: a task root whose function.jar differs from training's gets no cache. */
    @Test
    void aTaskRootThatNoLongerMatchesTheCacheIsDetected() throws Exception {
        Path task = unpacked("aot-mismatch-task");
        // The same bytes, touched later than the cache recorded: the JVM must not trust the cache for it.
        Path jar = task.resolve("app/function.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 3_600_000));
        Run run = run(task);
        assertFalse(run.fromCache().contains(FUNCTION_CLASS), "a changed jar must not be served from the cache");
        // Reported in the function's log, and survived: run() checked the events' answers.
        assertTrue(run.output().contains("This file is not the one used while building the shared archive file: '"
                + jar.toAbsolutePath() + "', timestamp has changed"), run.output());
    }

    private record Run(List<String> fromCache, int loaded, String output) {
    }

    private Run run(Path task) throws Exception {
        Path classLoads = Files.createTempFile("aot-class-load", ".log");
        Map<String, String> environment = PackagedFunction.aotEnvironment("WebhookFunction", moto, SECRET);
        // The JVM sees the memory of the template's 512 MB function, as in Lambda's microVM.
        environment.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=512m -Xlog:class+load=info:file=" + classLoads);
        try (RuntimeApiServer runtimeApi = new RuntimeApiServer();
                PackagedFunction function = PackagedFunction.run(readOnly(task), task, runtimeApi.address(), environment)) {
            String id = UUID.randomUUID().toString();
            ObjectNode created = Payloads.event("http-api-session-created.json");
            created.put("body", Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z")));
            Credential.BEARER.authorise(created, SECRET);
            assertEquals(200, status(runtimeApi, function, Payloads.text(created)));
            assertTrue(moto.client().getItem(get -> get.tableName(Moto.TABLE).consistentRead(true)
                    .key(Map.of("sessionId", AttributeValue.fromS(id)))).hasItem(), "stored in DynamoDB");
            assertEquals(200, status(runtimeApi, function, Payloads.text(Payloads.event("direct-session-created.json"))));
            assertEquals(401, status(runtimeApi, function, Payloads.text(Payloads.event("http-api-session-created.json"))));
            String output = function.output();
            assertFalse(output.contains("\"level\":\"ERROR\""), output);
            List<String> lines = Files.readAllLines(classLoads);
            return new Run(fromCache(lines), lines.size(), output);
        }
    }

    private static List<String> fromCache(List<String> classLoads) {
        return classLoads.stream().filter(line -> line.contains("source: shared objects file"))
                .map(line -> line.replaceFirst(".*\\] ", "").replaceFirst(" source:.*", "")).toList();
    }

    private static int status(RuntimeApiServer runtimeApi, PackagedFunction function, String event) throws Exception {
        RuntimeApiServer.Outcome outcome = runtimeApi.invoke(event, TIMEOUT, function.exited());
        assertFalse(outcome.error(), outcome::body);
        JsonNode response = Payloads.JSON.readTree(outcome.body());
        return response.path("statusCode").asInt();
    }

    private static Path unpacked(String name) throws IOException {
        assertTrue(Files.isRegularFile(PackagedFunction.AOT_ZIP), PackagedFunction.AOT_ZIP + " is missing: build it with ./mvnw -Paot verify");
        Path task = Files.createTempDirectory(Path.of("target"), name).toAbsolutePath();
        PackagedFunction.unzip(PackagedFunction.AOT_ZIP, task);
        return task;
    }

    /**
     * {@code bootstrap} as provided.al2023 starts it, with the task root mounted read-only (a private
     * mount namespace; root ignores file modes). Where that is not allowed the listing comparison
     * still shows whether anything was written.
     */
    private static List<String> readOnly(Path task) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("unshare", "-m", "true").start();
        if (probe.waitFor() != 0) {
            System.out.println("aot: no mount namespace here; the task root is checked for writes instead");
            return List.of(task.resolve("bootstrap").toString());
        }
        return List.of("unshare", "-m", "sh", "-c", "mount --bind -o ro \"$0\" \"$0\" && exec \"$0/bootstrap\"", task.toString());
    }

    private static Map<String, Long> listing(Path task) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(task)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(task.relativize(file) + " " + Files.getLastModifiedTime(file).toMillis(), Files.size(file));
            }
        }
        return files;
    }
}
