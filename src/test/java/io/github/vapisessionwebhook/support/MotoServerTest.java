package io.github.vapisessionwebhook.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** moto is started, answers, and never outlives the JVM that started it. */
class MotoServerTest {

    @Test
    void closeStopsMotoAndEveryProcessItStarted() {
        List<ProcessHandle> before = ProcessHandle.current().descendants().toList();
        MotoServer server = MotoServer.start();
        List<ProcessHandle> started = ProcessHandle.current().descendants().filter(p -> !before.contains(p)).toList();
        assertFalse(started.isEmpty());
        assertTrue(MotoServer.answers(server.endpoint()));
        server.close();
        assertFalse(MotoServer.answers(server.endpoint()));
        assertTrue(eventually(() -> started.stream().noneMatch(ProcessHandle::isAlive)), "a process outlived close()");
    }

    @Test
    void aKilledJvmTakesItsMotoWithIt() throws Exception {
        Process holder = holder(System.getenv("PATH"));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("endpoint "), String.valueOf(line));
            URI endpoint = URI.create(line.substring("endpoint ".length()));
            List<ProcessHandle> motoProcesses = holder.descendants().toList();
            assertFalse(motoProcesses.isEmpty());
            assertTrue(MotoServer.answers(endpoint));

            holder.destroyForcibly().waitFor();

            assertTrue(eventually(() -> motoProcesses.stream().noneMatch(ProcessHandle::isAlive)),
                    "moto outlived a JVM killed with SIGKILL");
            assertFalse(MotoServer.answers(endpoint));
        } finally {
            holder.descendants().forEach(ProcessHandle::destroyForcibly);
            holder.destroyForcibly();
        }
    }

    @Test
    void withoutMotoTheFailureIsOneLineSayingHowToInstallIt() throws Exception {
        Process holder = holder("/nonexistent");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("failed " + MotoServer.INSTALL_HINT, out.readLine());
            assertEquals(null, out.readLine());
        } finally {
            holder.destroyForcibly();
        }
    }

    private static Process holder(String path) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MotoHolder.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PATH", path);
        return builder.start();
    }

    private static boolean eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
