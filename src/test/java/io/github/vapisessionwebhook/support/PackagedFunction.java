package io.github.vapisessionwebhook.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * {@code target/function.zip}, unpacked as Lambda unpacks it into its task root, and run in a
 * separate JVM by AWS's Lambda Java runtime interface client (what AWS's Java base images run),
 * with the handler and environment read from {@code template.yaml}'s JVM packaging.
 */
public final class PackagedFunction implements AutoCloseable {

    public static final Path ZIP = Path.of("target", "function.zip");
    /** The aot build ({@code ./mvnw -Paot verify}); it also leaves a copy in {@link #ZIP}. */
    public static final Path AOT_ZIP = Path.of("target", "function-aot.zip");
    /**
     * The JDK that runs function.zip as Lambda's java25 runtime would: {@code -Dlambda.java.home},
     * else a JDK 25 under /usr/lib/jvm (these machines have Temurin's), else this JVM.
     */
    public static final Path LAMBDA_JAVA = lambdaJava();
    /** The runtime interface client's entry point. */
    public static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Process process;
    private final Path log;

    private PackagedFunction(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** A function's handler, runtime and environment in the JVM packaging, as {@code template.yaml} declares them. */
    public record Deployment(String runtime, String handler, Map<String, String> environment) {

        public static Deployment fromTemplate() {
            return fromTemplate("WebhookFunction");
        }

        /** The function {@code logicalId} of template.yaml. */
        public static Deployment fromTemplate(String logicalId) {
            JsonNode template = Template.load();
            JsonNode function = Template.resource(logicalId);
            JsonNode globals = template.path("Globals").path("Function");
            JsonNode parameters = template.path("Parameters");
            Map<String, String> environment = new LinkedHashMap<>();
            for (JsonNode variables : List.of(globals.path("Environment").path("Variables"),
                    function.path("Environment").path("Variables"))) {
                variables.properties().forEach(variable -> {
                    String value = jvmBranch(variable.getValue());
                    // A !Ref to a template parameter deploys the parameter's default.
                    JsonNode parameter = value == null ? null : parameters.get(value);
                    if (parameter != null) {
                        value = parameter.path("Default").asText();
                    }
                    if (value != null) {
                        environment.put(variable.getKey(), value);
                    }
                });
            }
            // A function's own setting, else the template's Globals, as SAM merges them.
            return new Deployment(jvmBranch(function.path("Runtime").isMissingNode() ? globals.path("Runtime") : function.path("Runtime")),
                    jvmBranch(function.path("Handler").isMissingNode() ? globals.path("Handler") : function.path("Handler")), environment);
        }

        /** The stack name the README's samconfig.toml deploys. */
        public static final String STACK_NAME = "vapi-session-webhook";

        /** The template's conditions in the JVM packaging with its parameters' defaults (bearer, with a secret). */
        private static final Map<String, Boolean> DEFAULT_CONDITIONS = Map.of("IsNative", false, "IsJvm", true,
                "HasSecret", true, "IsOAuth2", false, "HasTracing", false);

        /** Resolves {@code !If [condition, then, else]} as the default deploy does; {@code AWS::NoValue} is absent. */
        private static String jvmBranch(JsonNode value) {
            JsonNode chosen = value;
            if (value.isArray() && value.size() == 3 && DEFAULT_CONDITIONS.containsKey(value.get(0).asText())) {
                chosen = DEFAULT_CONDITIONS.get(value.get(0).asText()) ? value.get(1) : value.get(2);
            }
            String text = chosen.isValueNode() ? chosen.asText() : null;
            // A !Sub of pseudo parameters, as CloudFormation resolves them for a stack of this name.
            return "AWS::NoValue".equals(text) ? null
                    : text == null ? null : text.replace("${AWS::StackName}", STACK_NAME).replace("${AWS::Region}", Moto.REGION);
        }
    }

    /**
     * The environment that puts the deployed function's AWS on moto: the session table {@code table}
     * on its DynamoDB, and the template's webhook secret in its Secrets Manager, stored now with
     * {@code secret} as the current version (reached through AWS's own endpoint setting).
     */
    public static Map<String, String> awsOnMoto(Moto moto, String table, String secret) {
        moto.putSecret(Deployment.fromTemplate().environment().get("VAPI_WEBHOOK_SECRET_ID"), secret);
        return new HashMap<>(Map.of("AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString(),
                "VAPI_SESSIONS_TABLE", table,
                "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", moto.endpoint().toString()));
    }

    /**
     * What template.yaml gives the function {@code logicalId} with Packaging=aot, as provided.al2023
     * runs it (the handler in {@code _HANDLER}), with its table and {@code secret} on moto.
     */
    public static Map<String, String> aotEnvironment(String logicalId, Moto moto, String secret) {
        Deployment deployment = Deployment.fromTemplate(logicalId);
        Map<String, String> environment = new HashMap<>(deployment.environment());
        environment.putAll(awsOnMoto(moto, Moto.TABLE, secret));
        environment.put("VAPI_PACKAGING", "aot");
        environment.put("_HANDLER", deployment.handler());
        return environment;
    }

    /**
     * Starts the function: unpacks the zip into {@code taskRoot}, then launches the runtime interface
     * client there (it loads the code from its working directory, as from /var/task on Lambda).
     */
    public static PackagedFunction start(Deployment deployment, String runtimeApi, Map<String, String> overrides, Path taskRoot)
            throws IOException {
        unzip(ZIP, taskRoot);
        Map<String, String> environment = new LinkedHashMap<>(deployment.environment());
        environment.putAll(overrides);
        return launch(taskRoot, deployment.handler(), runtimeApi, environment);
    }

    /** Launches the runtime interface client on a task root that is already in place. */
    public static PackagedFunction launch(Path taskRoot, String handler, String runtimeApi, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(LAMBDA_JAVA.resolve("bin").resolve("java").toString());
        command.add("-cp");
        command.add(runtimeClientClasspath());
        command.add(RIC_MAIN);
        command.add(handler);
        return run(command, taskRoot, runtimeApi, environment);
    }

    /**
     * Runs {@code command} in {@code taskRoot} with the environment Lambda gives a function (its
     * Runtime API address, task root, region, credentials) plus {@code environment}; nothing of this
     * JVM's own AWS, Quarkus or function settings leaks in. Its output goes to a log beside the task root.
     */
    public static PackagedFunction run(List<String> command, Path taskRoot, String runtimeApi, Map<String, String> environment)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        Map<String, String> processEnvironment = builder.environment();
        processEnvironment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("QUARKUS_")
                || name.startsWith("VAPI_"));
        processEnvironment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        processEnvironment.put("AWS_REGION", Moto.REGION);
        processEnvironment.put("AWS_ACCESS_KEY_ID", "local");
        processEnvironment.put("AWS_SECRET_ACCESS_KEY", "local");
        processEnvironment.put("AWS_LAMBDA_FUNCTION_NAME", "vapi-session-webhook");
        processEnvironment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        processEnvironment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        processEnvironment.putAll(environment);
        Path log = taskRoot.resolveSibling(taskRoot.getFileName() + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new PackagedFunction(builder.start(), log);
    }

    /** What the function printed (stdout and stderr: on Lambda, its CloudWatch log). */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Completes if the function's process ends (it should not while events keep coming). */
    public java.util.concurrent.CompletableFuture<String> exited() {
        return process.onExit().thenApply(ended -> "function process exited with " + ended.exitValue());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Asks the process to end as Lambda does at shutdown (SIGTERM); the process, to wait for. */
    public Process stop() {
        process.destroy();
        return process;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static Path lambdaJava() {
        String configured = System.getProperty("lambda.java.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (java.util.stream.Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            Optional<Path> jdk25 = jdks.filter(jdk -> jdk.getFileName().toString().matches(".*-25([.-].*)?"))
                    .filter(jdk -> Files.isExecutable(jdk.resolve("bin").resolve("java"))).sorted().findFirst();
            if (jdk25.isPresent()) {
                return jdk25.get();
            }
        } catch (IOException noJvmDirectory) {
            // Fall back to this JVM.
        }
        System.err.println("function.zip runs on this JVM (" + Runtime.version() + "): no JDK 25 found; set -Dlambda.java.home");
        return Path.of(System.getProperty("java.home"));
    }

    /** The runtime client's jars, taken from this test JVM's classpath (test-scoped dependencies). */
    private static List<Path> runtimeClientJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-runtime-interface-client")
                        || entry.contains("aws-lambda-java-core")
                        || entry.contains("aws-lambda-java-serialization")
                        || entry.contains("utils-lite"))
                .map(Path::of).toList();
    }

    private static String runtimeClientClasspath() {
        return runtimeClientJars().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Unpacks {@code zip} into {@code target} as Lambda does: each entry's Unix mode (executables stay
     * executable) and modification time kept.
     */
    public static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
                if ((entry.getUnixMode() & 0100) != 0) {
                    destination.toFile().setExecutable(true, false);
                }
                Files.setLastModifiedTime(destination, entry.getLastModifiedTime());
            }
        }
    }
}
