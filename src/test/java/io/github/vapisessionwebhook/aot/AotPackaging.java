package io.github.vapisessionwebhook.aot;

import io.github.vapisessionwebhook.function.StartupChecks;
import io.github.vapisessionwebhook.support.Moto;
import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.RuntimeApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Builds {@code target/function-aot.zip}, the {@code Packaging=aot} deployment for Lambda's
 * {@code provided.al2023} runtime: a Java 25 runtime made with {@code jlink} from this build's JDK,
 * the function (the JVM zip's classes as one jar, its libraries, AWS's runtime interface client),
 * an AOT cache (JEP 483/514/515) and a {@code bootstrap} that starts them. The cache comes from a
 * training run of that bundled runtime itself, on the same class path, against a Runtime API
 * endpoint and moto (DynamoDB and Secrets Manager) started for the purpose, over events that take
 * every path (session messages, other types, refusals); the run is then stopped so the cache is
 * written. No network, no AWS account. Run by {@code ./mvnw -Paot package} on a JDK 25.
 */
public final class AotPackaging {

    public static final Path ZIP = Path.of("target", "function-aot.zip");
    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    static final String CACHE = "app.aot";
    /**
     * The JDK modules the function and the runtime client use. A missing one fails the training
     * run (its events are checked), so this list cannot silently fall short.
     */
    static final List<String> MODULES = List.of("java.base", "java.logging", "java.management", "java.naming",
            "java.sql", "java.xml", "jdk.unsupported", "jdk.crypto.ec", "jdk.zipfs");
    /**
     * The same at training and at run time, as the cache requires. C1 only, as Lambda's own Java
     * runtimes start without SnapStart: this packaging is for cold starts (one probe run each on a
     * 2-core machine: 1.1 s against 1.5 s with C2 too); warm events lose a little. Quarkus's thread pool needs
     * java.lang opened on Java 24+, the runtime client loads its JNI library; the build property
     * tells the function which build it is (function.StartupChecks).
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "-D" + StartupChecks.BUILD_PROPERTY + "=aot");
    private static final Duration CACHE_WRITE_TIMEOUT = Duration.ofMinutes(5);

    private AotPackaging() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() != 25) {
            throw new IllegalStateException("Packaging=aot needs the build to run on a JDK 25 (the runtime it bundles and "
                    + "the cache it trains must come from the same JVM build); this build runs on Java "
                    + Runtime.version() + " from " + System.getProperty("java.home") + ": set JAVA_HOME to a JDK 25");
        }
        Path work = Path.of("target", "aot");
        deleteRecursively(work);
        Path task = work.resolve("task");
        List<String> classpath = layOut(PackagedFunction.ZIP, task);
        jlink(task.resolve("runtime"));
        writeBootstrap(task, classpath);
        Training.Summary summary = train(task, classpath, work.resolve("training.log"));
        zip(task, ZIP);
        // sam deploy takes target/function.zip whatever the packaging (SAM cannot choose CodeUri by parameter).
        Files.copy(ZIP, PackagedFunction.ZIP, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%s: %,d bytes (%,d unzipped; cache %,d bytes) after a training run of %d events (%s); "
                + "copied to %s for sam deploy%n", ZIP, Files.size(ZIP), sizeOf(task), Files.size(task.resolve(CACHE)),
                summary.events(), summary.byStatus(), PackagedFunction.ZIP);
    }

    /**
     * The JVM zip's root classes become {@code app/function.jar} (an AOT cache refuses a non-empty
     * directory on the class path), its libraries {@code app/lib}, the runtime client {@code app/ric}.
     * Returns the class path, relative to the task root, in a fixed order.
     */
    static List<String> layOut(Path jvmZip, Path task) throws IOException {
        Path app = task.resolve("app");
        Path lib = Files.createDirectories(app.resolve("lib"));
        Path ric = Files.createDirectories(app.resolve("ric"));
        List<String> classpath = new ArrayList<>(List.of("app/function.jar"));
        try (InputStream in = Files.newInputStream(jvmZip); ZipInputStream entries = new ZipInputStream(in);
                ZipArchiveOutputStream jar = new ZipArchiveOutputStream(app.resolve("function.jar").toFile())) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String name = entry.getName();
                if (name.startsWith("lib/") && !entry.isDirectory()) {
                    Path copy = lib.resolve(name.substring("lib/".length()));
                    Files.copy(entries, copy);
                    classpath.add("app/lib/" + copy.getFileName());
                } else if (!name.startsWith("lib/") && !name.equals("bootstrap") && !name.equals("java-wrapper")) {
                    jar.putArchiveEntry(new ZipArchiveEntry(name));
                    entries.transferTo(jar);
                    jar.closeArchiveEntry();
                }
            }
        }
        if (classpath.size() < 10) {
            throw new IllegalStateException(jvmZip + " is not the JVM build (no lib/): run ./mvnw package first");
        }
        for (Path jar : PackagedFunction.runtimeClientJars()) {
            // The function's own lib/ names jars group.artifact-version.jar; take only what it lacks.
            if (classpath.stream().noneMatch(entry -> entry.endsWith("." + jar.getFileName()))) {
                Files.copy(jar, ric.resolve(jar.getFileName()));
                classpath.add("app/ric/" + jar.getFileName());
            }
        }
        return classpath;
    }

    static void jlink(Path runtime) {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new IllegalStateException(
                "no jlink in " + System.getProperty("java.home") + ": Packaging=aot needs a full JDK 25, not a JRE"));
        StringWriter output = new StringWriter();
        int exit = jlink.run(new PrintWriter(output), new PrintWriter(output), "--add-modules", String.join(",", MODULES),
                "--output", runtime.toString(), "--strip-debug", "--no-man-pages", "--no-header-files",
                "--compress=zip-6");
        if (exit != 0) {
            throw new IllegalStateException("jlink failed (" + exit + "): " + output);
        }
    }

    /** What provided.al2023 runs: the bundled JVM on the cache, in the task root, with Lambda's handler. */
    static void writeBootstrap(Path task, List<String> classpath) throws IOException {
        StringBuilder script = new StringBuilder("#!/bin/sh\n")
                .append("# Packaging=aot (provided.al2023): the bundled Java 25 runtime on the function's AOT cache.\n")
                .append("# It refuses to start only if the JVM cannot start; a cache it cannot use is ignored (slower).\n")
                .append("cd \"$LAMBDA_TASK_ROOT\" || exit 1\n")
                .append("exec \"$LAMBDA_TASK_ROOT/runtime/bin/java\" -XX:AOTCache=\"$LAMBDA_TASK_ROOT/").append(CACHE).append("\"");
        JVM_OPTIONS.forEach(option -> script.append(' ').append(option));
        script.append(" \\\n  -cp \"");
        for (int i = 0; i < classpath.size(); i++) {
            script.append(i == 0 ? "" : ":").append("$LAMBDA_TASK_ROOT/").append(classpath.get(i));
        }
        script.append("\" \\\n  ").append(PackagedFunction.RIC_MAIN).append(" \"${_HANDLER:-").append(HANDLER).append("}\"\n");
        Path bootstrap = task.resolve("bootstrap");
        Files.writeString(bootstrap, script, StandardCharsets.UTF_8);
        bootstrap.toFile().setExecutable(true, false);
        // Packaging=jvm sets this as AWS_LAMBDA_EXEC_WRAPPER on java25, which is not where this zip runs.
        Path wrapper = task.resolve("java-wrapper");
        Files.writeString(wrapper, "#!/bin/sh\necho \"vapi-session-webhook: this function.zip is the aot build (./mvnw -Paot "
                + "package) for the provided.al2023 runtime: deploy it with Packaging=aot, or build the JVM zip (./mvnw package) "
                + "for Packaging=jvm\" >&2\nexit 1\n", StandardCharsets.UTF_8);
        wrapper.toFile().setExecutable(true, false);
    }

    /** One training run of the bundled runtime writing the cache; the events are checked, so a broken runtime fails the build. */
    static Training.Summary train(Path task, List<String> classpath, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(task.resolve("runtime/bin/java").toAbsolutePath().toString(),
                "-XX:AOTCacheOutput=" + task.resolve(CACHE).toAbsolutePath()));
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(String.join(":", classpath.stream().map(entry -> task.resolve(entry).toAbsolutePath().toString()).toList()));
        command.add(PackagedFunction.RIC_MAIN);
        command.add(HANDLER);
        try (RuntimeApiServer runtimeApi = new RuntimeApiServer()) {
            PackagedFunction function = PackagedFunction.run(command, task.toAbsolutePath(), runtimeApi.address(),
                    deployedEnvironment(Moto.start(), Training.SECRET));
            Training.Summary summary;
            try {
                summary = Training.run(runtimeApi, function);
            } catch (Exception | AssertionError e) {
                function.close();
                throw new IllegalStateException("training run failed: " + e.getMessage() + "\n" + function.output(), e);
            }
            // A JVM stopped by SIGTERM exits normally, and writes the cache on its way out.
            Process process = function.stop();
            if (!process.waitFor(CACHE_WRITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                function.close();
                throw new IllegalStateException("the training JVM did not exit within " + CACHE_WRITE_TIMEOUT);
            }
            Files.copy(task.getParent().resolve(task.getFileName() + ".log"), log, StandardCopyOption.REPLACE_EXISTING);
            if (!Files.isRegularFile(task.resolve(CACHE))) {
                throw new IllegalStateException("the training run wrote no AOT cache; its output:\n" + Files.readString(log));
            }
            return summary;
        }
    }

    /**
     * What template.yaml gives the function with Packaging=aot, as provided.al2023 runs it (the
     * handler in {@code _HANDLER}), with its table and {@code secret} on moto.
     */
    public static Map<String, String> deployedEnvironment(Moto moto, String secret) {
        PackagedFunction.Deployment deployment = PackagedFunction.Deployment.fromTemplate();
        Map<String, String> environment = new HashMap<>(deployment.environment());
        environment.putAll(PackagedFunction.awsOnMoto(moto, Moto.TABLE, secret));
        environment.put("VAPI_PACKAGING", "aot");
        environment.put("_HANDLER", deployment.handler());
        return environment;
    }

    /** The task root as a zip, with Unix modes (executables stay executable) and modification times. */
    static void zip(Path task, Path zip) throws IOException {
        Files.deleteIfExists(zip);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip.toFile());
                Stream<Path> files = Files.walk(task)) {
            for (Path file : files.filter(path -> !path.equals(task)).sorted().toList()) {
                String name = task.relativize(file).toString() + (Files.isDirectory(file) ? "/" : "");
                ZipArchiveEntry entry = new ZipArchiveEntry(file.toFile(), name);
                entry.setUnixMode((Files.isDirectory(file) ? 040000 : 0100000) | (Files.isExecutable(file) ? 0755 : 0644));
                out.putArchiveEntry(entry);
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                }
                out.closeArchiveEntry();
            }
        }
    }

    static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                file.toFile().setWritable(true);
                Files.delete(file);
            }
        }
    }
}
