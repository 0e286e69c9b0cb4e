package io.github.vapisessionwebhook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.support.ClassLoads;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.OtlpSink;
import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.support.RuntimeApiServer;
import io.github.vapisessionwebhook.support.Template;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold starts and warm throughput of target/function.zip under the Lambda runtime interface client,
 * as in the packaged test: one JVM per run, events through a Runtime API endpoint.
 */
final class PackagedRuns {

    private static final Pattern QUARKUS_BOOT = Pattern.compile("started in ([0-9.]+)s");
    private static final String SECRET = "bench-secret";
    /** Class name prefixes, in the order they are tried, and the origin each stands for. */
    private static final Map<String, String> ORIGINS = originsByPrefix();

    /**
     * One cold start: launch to first response, split into phases (Quarkus boot is NaN without
     * Quarkus), plus warm latency, peak RSS and what was resident after the warm events.
     */
    record ColdStart(double launchToFirstResponseMs, double initMs, double quarkusBootMs, double firstEventMs,
            double warmEventMs, long peakRssKb, double cpuToFirstResponseMs, Resident resident) {

        /** All of init when no Quarkus boot was reported (the reference handler). */
        double jvmAndLambdaLoopMs() {
            return Double.isNaN(quarkusBootMs) ? initMs : initMs - quarkusBootMs;
        }
    }

    /** Classes the JVM loaded during init and during the first event, counted by origin. */
    record ClassLoading(Map<String, Integer> init, Map<String, Integer> firstEvent) {
    }

    /** Warm throughput over many sequential events. */
    record Throughput(int events, double eventsPerSecond, double p50Ms, double p99Ms) {
    }

    private PackagedRuns() {
    }

    static ColdStart coldStart(String store, Map<String, String> extraEnvironment) throws Exception {
        Map<String, String> environment = environment(store);
        environment.putAll(extraEnvironment);
        asInLambdasMemory(environment);
        Path taskRoot = Files.createTempDirectory(Path.of("target"), "bench-task");
        return coldStart(runtimeApi -> PackagedFunction.start(PackagedFunction.Deployment.fromTemplate(), runtimeApi,
                environment, taskRoot));
    }

    /**
     * A cold start with tracing on (as {@code TracingCollector} deploys it) and every event traced by
     * Lambda: the spans go to a local OTLP receiver standing in for the collector extension.
     */
    static ColdStart tracedColdStart() throws Exception {
        try (OtlpSink collector = new OtlpSink()) {
            return coldStart("dynamodb", Map.of("VAPI_TRACING_ENABLED", "true", "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint()));
        }
    }

    /**
     * A cold start of {@link ReferenceHandler} on its own task root (the class and Jackson's jars),
     * with the function's JVM options.
     */
    static ColdStart referenceColdStart() throws Exception {
        return referenceColdStart(ReferenceHandler.class, false, Map.of());
    }

    /**
     * A cold start of {@link StoreReferenceHandler}: Jackson's and the AWS SDK's jars, DynamoDB on moto
     * (through the SDK's own endpoint setting), the function's JVM options.
     */
    static ColdStart storeReferenceColdStart() throws Exception {
        return storeReferenceColdStart(jvmOptions());
    }

    /**
     * The same handler with the JVM options Lambda's java25 runtime starts a function with when it
     * has neither SnapStart nor provisioned concurrency: C1 only and the serial collector.
     */
    static ColdStart storeReferenceOnDemandColdStart() throws Exception {
        return storeReferenceColdStart(C1_ONLY.get("JAVA_TOOL_OPTIONS") + " -XX:+UseSerialGC");
    }

    private static ColdStart storeReferenceColdStart(String javaOptions) throws Exception {
        Moto moto = Moto.start();
        return referenceColdStart(StoreReferenceHandler.class, true, Map.of("VAPI_SESSIONS_TABLE", Moto.TABLE,
                "AWS_ENDPOINT_URL_DYNAMODB", moto.endpoint().toString(), "JAVA_TOOL_OPTIONS", javaOptions));
    }

    private static ColdStart referenceColdStart(Class<?> handlerClass, boolean withSdk, Map<String, String> extraEnvironment)
            throws Exception {
        Path taskRoot = Files.createTempDirectory(Path.of("target"), "reference-task");
        String classFile = handlerClass.getName().replace('.', '/') + ".class";
        Path classPath = taskRoot.resolve(classFile);
        Files.createDirectories(classPath.getParent());
        try (InputStream in = handlerClass.getResourceAsStream("/" + classFile)) {
            Files.copy(in, classPath);
        }
        Path lib = Files.createDirectories(taskRoot.resolve("lib"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            String name = jar.getFileName().toString();
            boolean jackson = name.matches("jackson-(core|databind|annotations)-[0-9.]+\\.jar");
            boolean sdk = withSdk && ((entry.contains("/software/amazon/awssdk/") && !name.startsWith("secretsmanager"))
                    || name.startsWith("reactive-streams-") || name.startsWith("slf4j-api-"));
            if ((jackson || sdk) && !Files.exists(lib.resolve(name))) {
                Files.copy(jar, lib.resolve(name));
            }
        }
        String handler = handlerClass.getName() + "::handleRequest";
        // The same JVM options as the function unless told otherwise, for a like-for-like comparison.
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.putIfAbsent("JAVA_TOOL_OPTIONS", jvmOptions());
        asInLambdasMemory(environment);
        return coldStart(runtimeApi -> PackagedFunction.launch(taskRoot, handler, runtimeApi, environment));
    }

    /** The JVM options template.yaml deploys the function with (empty if none). */
    static String jvmOptions() {
        return PackagedFunction.Deployment.fromTemplate().environment().getOrDefault("JAVA_TOOL_OPTIONS", "");
    }

    /** The template's JVM options for a report: none means the JVM's default tiered compilation. */
    static String jvmOptionsDescribed() {
        String options = jvmOptions();
        return options.isEmpty() ? "none (the JVM's default tiered compilation, C1 and C2)" : "`" + options + "`";
    }

    /**
     * A cold start of function-aot.zip: unpacked into a fresh task root and its {@code bootstrap}
     * started there as provided.al2023 does, with the deployed environment (DynamoDB and the secret on moto).
     */
    static ColdStart aotColdStart(Map<String, String> extraEnvironment) throws Exception {
        Path task = Files.createTempDirectory(Path.of("target"), "bench-aot-task").toAbsolutePath();
        PackagedFunction.unzip(PackagedFunction.AOT_ZIP, task);
        Map<String, String> environment = PackagedFunction.aotEnvironment("WebhookFunction", Moto.start(), SECRET);
        environment.putAll(extraEnvironment);
        asInLambdasMemory(environment);
        return coldStart(runtimeApi -> PackagedFunction.run(List.of(task.resolve("bootstrap").toString()), task, runtimeApi,
                environment));
    }

    /**
     * A process's resident memory by what it maps: the AOT cache file, the JVM's own library, other
     * files (jars, the JDK's modules, the C library) and anonymous memory (heap, metaspace, compiled
     * code, thread stacks, the JVM's native allocations). A cache page the JVM has written (it
     * relocates the cache at start) still counts under the cache.
     */
    record Resident(long aotCacheKb, long jvmLibraryKb, long otherFilesKb, long anonymousKb) {

        static Resident of(long pid) throws IOException {
            long[] kb = new long[4];
            int kind = 3;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps"))) {
                String[] fields = line.trim().split("\\s+");
                if (fields[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                    String file = fields.length > 5 && fields[5].startsWith("/") ? fields[5] : "";
                    kind = file.endsWith(".aot") ? 0 : file.endsWith("/libjvm.so") ? 1 : file.isEmpty() ? 3 : 2;
                } else if (fields[0].equals("Rss:")) {
                    kb[kind] += Long.parseLong(fields[1]);
                }
            }
            return new Resident(kb[0], kb[1], kb[2], kb[3]);
        }

        long totalKb() {
            return aotCacheKb + jvmLibraryKb + otherFilesKb + anonymousKb;
        }
    }

    /** A zip's size and the size of what it unpacks to (Lambda's limit: 250 MB unzipped). */
    record ZipSize(long zipped, long unzipped) {
    }

    static ZipSize zipSize(Path zip) throws IOException {
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
            long unzipped = file.stream().mapToLong(entry -> Math.max(0, entry.getSize())).sum();
            return new ZipSize(Files.size(zip), unzipped);
        }
    }

    /**
     * Every JVM of the bench sees the memory of the template's function (its MemorySize), as it
     * would in Lambda's microVM, rather than this machine's: heap sizing, and so peak RSS, follow it.
     */
    static void asInLambdasMemory(Map<String, String> environment) {
        String options = environment.getOrDefault("JAVA_TOOL_OPTIONS", "");
        environment.put("JAVA_TOOL_OPTIONS", ("-XX:MaxRAM=" + lambdaMemoryMb() + "m " + options).trim());
    }

    static int lambdaMemoryMb() {
        return Template.load().path("Globals").path("Function").path("MemorySize").asInt();
    }

    /** Starts a function on a Runtime API endpoint's address. */
    private interface Launcher {
        PackagedFunction launch(String runtimeApi) throws IOException;
    }

    private static ColdStart coldStart(Launcher launcher) throws Exception {
        try (RuntimeApiServer runtimeApi = new RuntimeApiServer()) {
            // As Lambda passes it with tracing active; an untraced function only logs its trace id.
            runtimeApi.traceHeader("Root=1-6759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
            long launched = System.nanoTime();
            try (PackagedFunction function = launcher.launch(runtimeApi.address())) {
                RuntimeApiServer.Outcome first = invoke(runtimeApi, function, event(UUID.randomUUID().toString()));
                double cpuMs = cpuMs(function.pid());
                double[] warm = new double[5];
                for (int i = 0; i < warm.length; i++) {
                    warm[i] = invoke(runtimeApi, function, event(UUID.randomUUID().toString())).latencyNanos() / 1e6;
                }
                Arrays.sort(warm);
                Matcher boot = QUARKUS_BOOT.matcher(function.output());
                double bootMs = boot.find() ? Double.parseDouble(boot.group(1)) * 1000 : Double.NaN;
                return new ColdStart((first.answeredNanos() - launched) / 1e6, (runtimeApi.firstPollNanos() - launched) / 1e6,
                        bootMs, first.latencyNanos() / 1e6, warm[warm.length / 2], peakRssKb(function.pid()), cpuMs,
                        Resident.of(function.pid()));
            }
        }
    }

    /** Classes loaded during init and during the first event, by origin. */
    static ClassLoading classLoading(String store, Map<String, String> extraEnvironment) throws Exception {
        Map<String, String> environment = environment(store);
        environment.putAll(extraEnvironment);
        ClassLoads loads = ClassLoads.ofColdStart(environment, event(UUID.randomUUID().toString()));
        return new ClassLoading(byOrigin(loads.init()), byOrigin(loads.firstEvent()));
    }

    private static Map<String, Integer> byOrigin(List<String> classNames) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String origin : ORIGINS.values()) {
            counts.put(origin, 0);
        }
        counts.put("other", 0);
        for (String name : classNames) {
            String origin = ORIGINS.entrySet().stream().filter(prefix -> name.startsWith(prefix.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("other");
            counts.merge(origin, 1, Integer::sum);
        }
        return counts;
    }

    static Throughput throughput(String store, int events, Map<String, String> extraEnvironment) throws Exception {
        Map<String, String> environment = environment(store);
        environment.putAll(extraEnvironment);
        asInLambdasMemory(environment);
        try (RuntimeApiServer runtimeApi = new RuntimeApiServer();
                PackagedFunction function = PackagedFunction.start(PackagedFunction.Deployment.fromTemplate(),
                        runtimeApi.address(), environment, Files.createTempDirectory(Path.of("target"), "bench-task"))) {
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                sessions.add(UUID.randomUUID().toString());
            }
            for (int i = 0; i < 200; i++) {
                invoke(runtimeApi, function, event(sessions.get(i % sessions.size())));
            }
            double[] latencies = new double[events];
            long started = System.nanoTime();
            for (int i = 0; i < events; i++) {
                latencies[i] = invoke(runtimeApi, function, event(sessions.get(i % sessions.size()))).latencyNanos() / 1e6;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(latencies);
            return new Throughput(events, events / seconds, latencies[events / 2], latencies[(int) (events * 0.99)]);
        }
    }

    private static RuntimeApiServer.Outcome invoke(RuntimeApiServer runtimeApi, PackagedFunction function, String event)
            throws Exception {
        RuntimeApiServer.Outcome outcome = runtimeApi.invoke(event, Duration.ofSeconds(60), function.exited());
        JsonNode response = Payloads.JSON.readTree(outcome.body());
        if (outcome.error() || response.path("statusCode").asInt() != 200) {
            throw new IllegalStateException("benchmark event failed: " + outcome.body() + "\n" + function.output());
        }
        return outcome;
    }

    /** Lambda's own default for Java without SnapStart: C1 only, faster to start, slower when warm. */
    static final Map<String, String> C1_ONLY = Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");

    /** The secret as a fixed environment value instead of the template's Secrets Manager secret. */
    static final Map<String, String> FIXED_SECRET = Map.of("VAPI_WEBHOOK_SECRET", SECRET, "VAPI_WEBHOOK_SECRET_ID", "");

    /** dynamodb runs as deployed (the table and the secret on moto); memory runs need no AWS at all. */
    private static Map<String, String> environment(String store) {
        Map<String, String> environment = new HashMap<>(Map.of("VAPI_SESSIONS_STORE", store));
        if (store.equals("dynamodb")) {
            environment.putAll(PackagedFunction.awsOnMoto(Moto.start(), Moto.TABLE, SECRET));
        } else {
            environment.putAll(FIXED_SECRET);
        }
        return environment;
    }

    /** A session.created through the HTTP API, authenticated as Vapi would. */
    private static String event(String sessionId) {
        ObjectNode gateway = Payloads.event("http-api-session-created.json");
        gateway.put("body", Payloads.text(Payloads.session("session.created", sessionId, "2026-08-01T12:00:00.000Z")));
        ((ObjectNode) gateway.get("headers")).put("authorization", "Bearer " + SECRET);
        return Payloads.text(gateway);
    }

    private static Map<String, String> originsByPrefix() {
        Map<String, String> origins = new LinkedHashMap<>();
        origins.put("software.amazon.awssdk.", "AWS SDK");
        origins.put("com.fasterxml.jackson.", "Jackson");
        for (String prefix : List.of("io.quarkus.", "io.quarkiverse.", "io.smallrye.", "org.jboss.", "jakarta.",
                "org.eclipse.microprofile.")) {
            origins.put(prefix, "Quarkus, CDI, config, logging");
        }
        origins.put("com.amazonaws.", "Lambda runtime client and events");
        origins.put("io.github.vapisessionwebhook.", "this function");
        for (String prefix : List.of("java.", "javax.", "jdk.", "sun.", "com.sun.")) {
            origins.put(prefix, "JDK");
        }
        return origins;
    }

    /**
     * CPU time the process has used (user and system, all its threads; Linux counts in hundredths
     * of a second): read at the first answer, it is what a cold start costs where the CPU is a
     * share of one, as in Lambda at 512 MB, rather than the wall time two free cores allow.
     */
    private static double cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
