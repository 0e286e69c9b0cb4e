package io.github.vapisessionwebhook.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.PackagedFunction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is deployed: {@code target/function.zip} carries the function, its packaging guard and nothing test-only. */
class FunctionZipIT {

    /** The README states the size; a jump past this means a dependency slipped in. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    @Test
    void carriesNoTestOnlyJars() throws IOException {
        try (ZipFile zip = new ZipFile(PackagedFunction.ZIP.toFile())) {
            List<String> testOnly = Collections.list(zip.entries()).stream()
                    .map(entry -> entry.getName().toLowerCase(java.util.Locale.ROOT))
                    .filter(name -> name.contains("runtime-interface-client") || name.contains("junit")
                            || name.contains("jqwik") || name.contains("rest-assured") || name.contains("log4j-core")
                            || name.contains("jackson-dataformat-yaml"))
                    .toList();
            assertEquals(List.of(), testOnly);
            assertTrue(zip.getEntry("io/github/vapisessionwebhook/function/SessionWebhookFunction.class") != null);
        }
    }

    /** Deployed with the wrong Packaging, the zip says which build it is instead of failing obscurely. */
    @Test
    void refusesACustomRuntimeAndStartsTheJavaRuntimeUnchanged(@TempDir Path taskRoot) throws Exception {
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile
                .builder().setPath(PackagedFunction.ZIP).get()) {
            for (String script : List.of("bootstrap", "java-wrapper")) {
                ZipArchiveEntry entry = zip.getEntry(script);
                // The zip's own Unix mode, which Lambda keeps when it unpacks the code.
                assertEquals(0755, entry.getUnixMode() & 0777, script + " is executable in the zip");
                Path file = taskRoot.resolve(script);
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file);
                }
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Result bootstrap = run(taskRoot, taskRoot.resolve("bootstrap").toString());
        assertEquals(1, bootstrap.exit());
        assertTrue(bootstrap.output().contains("this function.zip is the JVM build")
                && bootstrap.output().contains("Packaging=jvm"), bootstrap.output());
        Result wrapped = run(taskRoot, taskRoot.resolve("java-wrapper").toString(), "sh", "-c", "echo started \"$0\"", "as-is");
        assertEquals(new Result(0, "started as-is\n"), wrapped);
    }

    record Result(int exit, String output) {}

    private static Result run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    @Test
    void staysUnderItsStatedSize() throws IOException {
        long size = Files.size(PackagedFunction.ZIP);
        System.out.printf("function.zip: %,d bytes%n", size);
        assertTrue(size < MAX_BYTES, "function.zip is " + size + " bytes, above " + MAX_BYTES);
    }
}
