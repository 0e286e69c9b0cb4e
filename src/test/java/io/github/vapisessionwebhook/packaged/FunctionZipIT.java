package io.github.vapisessionwebhook.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.support.PackagedFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What is deployed: {@code target/function.zip} carries the function and nothing test-only. */
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
            assertEquals(List.of(), Collections.list(zip.entries()).stream()
                    .map(entry -> entry.getName()).filter(name -> name.contains("store/dev/") && name.endsWith(".class")).toList(),
                    "the dev-only moto launcher is not shipped");
            assertTrue(zip.getEntry("io/github/vapisessionwebhook/function/SessionWebhookFunction.class") != null);
        }
    }

    @Test
    void staysUnderItsStatedSize() throws IOException {
        long size = Files.size(PackagedFunction.ZIP);
        System.out.printf("function.zip: %,d bytes%n", size);
        assertTrue(size < MAX_BYTES, "function.zip is " + size + " bytes, above " + MAX_BYTES);
    }
}
