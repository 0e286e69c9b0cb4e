package io.github.vapisessionwebhook.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The build steps of {@code Packaging=aot} around its training run ({@code ./mvnw -Paot verify}, a
 * single-file program run by the JDK 25 that builds it). Quarkus's own AOT support cannot make this
 * zip (docs/packaging.md says why), so this is the glue it lacks:
 * <ul>
 * <li>{@code layout} (package phase): {@code target/function.zip} becomes the task root
 * {@code target/aot/task}: a Java runtime made with {@code jlink} from this JDK, the function's
 * classes as one jar and its libraries as another, a {@code bootstrap} that starts Quarkus (whose Lambda loop,
 * {@code function.RuntimeApiLoop}, then polls the Runtime API) on the AOT cache, and
 * {@code target/aot/train}, the same command writing the cache instead;</li>
 * <li>the integration tests' {@code AotTrainingIT} runs {@code train} over every path an event
 * takes, and stops it, which writes {@code app.aot};</li>
 * <li>{@code zip} (post-integration-test): the task root as {@code target/function-aot.zip},
 * copied to {@code target/function.zip} for {@code sam deploy}.</li>
 * </ul>
 */
public final class AotZip {

    private static final Path TARGET = Path.of("target");
    private static final Path TASK = TARGET.resolve("aot/task");
    private static final String CACHE = "app.aot";
    private static final String MAIN = "io.quarkus.runner.GeneratedMain";
    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    /** Multi-release: some libraries hold classes for newer Java versions under META-INF/versions. */
    private static final byte[] MANIFEST_CONTENT = "Manifest-Version: 1.0\nMulti-Release: true\n".getBytes(StandardCharsets.UTF_8);
    /** The JDK modules the function uses: a missing one fails the training run, whose events are checked. */
    private static final List<String> MODULES = List.of("java.base", "java.logging", "java.management", "java.naming",
            "java.net.http", "java.sql", "java.xml", "jdk.unsupported", "jdk.crypto.ec", "jdk.zipfs");
    /**
     * The same at training and at run time, as the cache requires. C1 only, as Lambda's own Java
     * runtimes start without SnapStart: this packaging is for cold starts. Quarkus's thread pool
     * needs java.lang opened on Java 24+; the build property tells the function which build it is
     * (function.StartupChecks.BUILD_PROPERTY). Joda-Time, which only Quarkus's Lambda mapper
     * registers (nothing here reads a Joda type), knows UTC only: reading its time-zone database
     * was CPU on every start's main thread.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "-Dorg.joda.time.DateTimeZone.Provider=org.joda.time.tz.UTCProvider", "-Dvapi.build=aot");

    /**
     * No method profiles in the cache: they serve C2, which this runtime never uses, and replaying
     * them queues at start-up a C1 compilation of every method the training compiled
     * (docs/packaging.md). Diagnostic options of the bundled JDK: if one goes, training fails.
     */
    private static final List<String> TRAINING_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");

    private AotZip() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 1 ? args[0] : "") {
            case "layout" -> layout(TARGET.resolve("function.zip"));
            case "zip" -> zip();
            default -> throw new IllegalArgumentException("usage: AotZip layout|zip");
        }
    }

    static void layout(Path jvmZip) throws IOException {
        deleteRecursively(TARGET.resolve("aot"));
        unpack(jvmZip, TASK.resolve("app"));
        jlink(TASK.resolve("runtime"));
        String command = String.join(" ", JVM_OPTIONS) + " -cp \"$LAMBDA_TASK_ROOT/app/function.jar:$LAMBDA_TASK_ROOT/app/lib.jar\" "
                + MAIN + "\n";
        script(TASK.resolve("bootstrap"), """
                # Packaging=aot (provided.al2023): the bundled Java runtime on the function's AOT cache.
                # A cache the JVM cannot use is ignored (slower); only a JVM that cannot start fails.
                cd "$LAMBDA_TASK_ROOT" || exit 1
                exec "$LAMBDA_TASK_ROOT/runtime/bin/java" -XX:AOTCache="$LAMBDA_TASK_ROOT/%s" %s""".formatted(CACHE, command));
        script(TARGET.resolve("aot/train"), """
                # The training run (AotTrainingIT): the bootstrap's JVM, writing the AOT cache when it exits.
                cd "$LAMBDA_TASK_ROOT" || exit 1
                exec "$LAMBDA_TASK_ROOT/runtime/bin/java" -XX:AOTCacheOutput="$LAMBDA_TASK_ROOT/%s" %s %s""".formatted(CACHE,
                String.join(" ", TRAINING_OPTIONS), command));
        // Packaging=jvm sets this as AWS_LAMBDA_EXEC_WRAPPER on java25, which is not where this zip runs.
        script(TASK.resolve("java-wrapper"), """
                echo "vapi-session-webhook: this function.zip is the aot build (./mvnw -Paot verify) for the provided.al2023 \
                runtime: deploy it with Packaging=aot, or build the JVM zip (./mvnw package) for Packaging=jvm" >&2
                exit 1
                """);
        System.out.printf("%s: laid out for training (%,d bytes)%n", TASK, sizeOf(TASK));
    }

    /**
     * The JVM zip's own classes become {@code app/function.jar} (an AOT cache refuses a directory on
     * the class path) and its hundred libraries one jar, {@code app/lib.jar}: every service or
     * resource lookup opens each jar of a class path, which for a hundred jars costs a cold start
     * milliseconds. (The function's jar stays small: SmallRye Config opens the jar holding
     * {@code application.properties} as a file system, reading its whole index.) Service files are
     * joined; a file that libraries hold with different content (their licence and notice files,
     * Quarkus's build metadata) is kept once per library under {@code META-INF/libs/<jar>/}; such
     * a conflict outside {@code META-INF} fails the build. Manifests and module descriptors are
     * left out (a class path has no modules). The jars' times are whole even seconds, which any
     * zip keeps exactly: the cache checks them when it is used.
     */
    private static void unpack(Path jvmZip, Path app) throws IOException {
        Map<String, byte[]> function = new TreeMap<>();
        Map<String, Map<String, byte[]>> libraries = new TreeMap<>();
        try (InputStream in = Files.newInputStream(jvmZip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String name = entry.getName();
                if (name.startsWith("lib/") && name.endsWith(".jar")) {
                    collect(name.substring("lib/".length()), new ZipInputStream(new ByteArrayInputStream(entries.readAllBytes())), libraries);
                } else if (!entry.isDirectory() && !name.equals("bootstrap") && !name.equals("java-wrapper")) {
                    function.put(name, entries.readAllBytes());
                }
            }
        }
        if (libraries.size() < 5_000) {
            throw new IllegalStateException(jvmZip + " is not the JVM build (no lib/): run ./mvnw -Paot verify, which builds it first");
        }
        function.put(MANIFEST, MANIFEST_CONTENT);
        jar(app.resolve("function.jar"), function);
        jar(app.resolve("lib.jar"), merged(libraries));
    }

    private static void collect(String jar, ZipInputStream entries, Map<String, Map<String, byte[]>> libraries) throws IOException {
        for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
            String name = entry.getName();
            if (!entry.isDirectory() && !name.equals(MANIFEST) && !name.equals("META-INF/INDEX.LIST")
                    && !name.endsWith("module-info.class")) {
                libraries.computeIfAbsent(name, path -> new LinkedHashMap<>()).put(jar, entries.readAllBytes());
            }
        }
    }

    private static Map<String, byte[]> merged(Map<String, Map<String, byte[]>> libraries) {
        Map<String, byte[]> merged = new TreeMap<>(Map.of(MANIFEST, MANIFEST_CONTENT));
        libraries.forEach((path, byJar) -> {
            if (path.startsWith("META-INF/services/")) {
                merged.put(path, byJar.values().stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8).strip() + "\n")
                        .distinct().collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8));
            } else if (byJar.values().stream().map(ByteBuffer::wrap).distinct().count() == 1) {
                merged.put(path, byJar.values().iterator().next());
            } else if (path.startsWith("META-INF/")) {
                byJar.forEach((jar, content) -> merged.put("META-INF/libs/" + jar + "/" + path.substring("META-INF/".length()), content));
            } else {
                throw new IllegalStateException(path + " differs between " + byJar.keySet() + ": a class path would pick one");
            }
        });
        return merged;
    }

    private static void jar(Path file, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + file.toUri()), Map.of("create", "true"))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                write(jar, entry.getKey(), entry.getValue());
            }
        }
        Files.setLastModifiedTime(file, FileTime.from(System.currentTimeMillis() / 2000 * 2, TimeUnit.SECONDS));
    }

    private static void write(FileSystem jar, String path, byte[] content) throws IOException {
        Path entry = jar.getPath(path);
        if (entry.getParent() != null) {
            Files.createDirectories(entry.getParent());
        }
        Files.write(entry, content);
    }

    private static void jlink(Path runtime) {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new IllegalStateException(
                "no jlink in " + System.getProperty("java.home") + ": Packaging=aot needs a full JDK 25, not a JRE"));
        StringWriter output = new StringWriter();
        int exit = jlink.run(new PrintWriter(output), new PrintWriter(output), "--add-modules", String.join(",", MODULES),
                "--output", runtime.toString(), "--strip-debug", "--no-man-pages", "--no-header-files", "--compress=zip-6");
        if (exit != 0) {
            throw new IllegalStateException("jlink failed (" + exit + "): " + output);
        }
    }

    private static void script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The trained task root as a zip, keeping Unix modes (executables stay executable) and modification times. */
    static void zip() throws IOException {
        if (!Files.isRegularFile(TASK.resolve(CACHE))) {
            throw new IllegalStateException("no AOT cache in " + TASK + ": it is written by the training run "
                    + "(AotTrainingIT), which ./mvnw -Paot verify runs; -DskipTests or -DskipITs skip it");
        }
        Path zip = TARGET.resolve("function-aot.zip");
        Files.deleteIfExists(zip);
        try (FileSystem out = FileSystems.newFileSystem(URI.create("jar:" + zip.toAbsolutePath().toUri()),
                Map.of("create", "true", "enablePosixFileAttributes", "true")); Stream<Path> files = Files.walk(TASK)) {
            for (Path file : files.filter(path -> !path.equals(TASK)).sorted().toList()) {
                Path entry = out.getPath(TASK.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(entry);
                } else {
                    Files.copy(file, entry, StandardCopyOption.COPY_ATTRIBUTES);
                }
                Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString(
                        Files.isDirectory(file) || Files.isExecutable(file) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        // sam deploy takes target/function.zip whatever the packaging (SAM cannot choose CodeUri by parameter).
        Files.copy(zip, TARGET.resolve("function.zip"), StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%s: %,d bytes (%,d unzipped; cache %,d bytes); copied to target/function.zip for sam deploy%n",
                zip, Files.size(zip), sizeOf(TASK), Files.size(TASK.resolve(CACHE)));
    }

    private static long sizeOf(Path directory) throws IOException {
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
