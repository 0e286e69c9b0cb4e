package io.github.vapisessionwebhook.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * moto's DynamoDB server ({@code moto_server}, Apache-2.0) as a child process on loopback, for the
 * tests and benchmarks.
 *
 * <p>It runs moto's own {@code moto_server} entry point with one change: requests are served one at
 * a time. DynamoDB applies each conditional write atomically per item; moto's default threaded
 * server does not lock items, and concurrent conditional puts on one key were seen to both succeed
 * (the 8-thread contract test counted 51 creates for 50 sessions). Served in turn, each request is
 * atomic, as on DynamoDB.
 *
 * <p>moto is started through {@code sh}, which ends with moto and stops moto when its own standard
 * input closes. That pipe closes when {@link #close()} runs and also when the JVM dies in any way
 * (even {@code kill -9}), so no moto outlives the JVM that started it.
 */
public final class MotoServer implements AutoCloseable {

    public static final String COMMAND = "moto_server";
    public static final String INSTALL_HINT = COMMAND + " not found on PATH: install moto's server with "
            + "pip install \"moto[server]\"";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** moto_server's main, with Werkzeug's server made single-threaded. */
    private static final String SERIAL_MOTO = "import sys, werkzeug.serving, moto.server as moto; "
            + "moto.run_simple = lambda *a, **k: werkzeug.serving.run_simple(*a, **{**k, 'threaded': False}); "
            + "moto.main(sys.argv[1:])";
    /**
     * Runs the command in its arguments until it exits; a watcher stops it when standard input
     * closes. (An asynchronous command's own stdin is /dev/null, hence the pipe is passed as fd 3.)
     */
    private static final String WATCHDOG = "exec 3<&0; \"$@\" >/dev/null 2>&1 & moto=$!; "
            + "{ cat <&3 >/dev/null; kill $moto 2>/dev/null; } & wait $moto";

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Whether {@code moto_server} is an executable on the PATH. */
    public static boolean isInstalled() {
        return executable().isPresent();
    }

    private static Optional<Path> executable() {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, COMMAND))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * The Python that runs {@code moto_server}: the interpreter its script names (a pip or pipx
     * install), else {@code python3} (a wrapper, such as pyenv's shim, that hands over to it).
     */
    private static List<String> interpreter(Path script) {
        try (BufferedReader reader = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            if (first != null && first.startsWith("#!") && first.contains("python")) {
                return List.of(first.substring(2).trim().split("\\s+"));
            }
        } catch (IOException unreadable) {
            // Fall back to python3.
        }
        return List.of("python3");
    }

    /** Starts moto on a free loopback port and returns once it answers. */
    public static MotoServer start() {
        return start(freePort());
    }

    /** Starts moto on {@code port} and returns once it answers. */
    public static MotoServer start(int port) {
        Path script = executable().orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "moto-watchdog"));
        command.addAll(interpreter(script));
        command.addAll(List.of("-c", SERIAL_MOTO, "-H", "127.0.0.1", "-p", Integer.toString(port)));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + COMMAND, e);
        }
        MotoServer server = new MotoServer(process, endpoint);
        server.awaitAnswer();
        return server;
    }

    /** Whether something answers moto's API at {@code endpoint}. */
    public static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2_000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Stops moto and waits until it has gone. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitAnswer() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answers(endpoint)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException(COMMAND + " did not answer on " + endpoint
                        + (process.isAlive() ? " within " + START_TIMEOUT.toSeconds() + " s" : " (it exited; is the port free?)"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + COMMAND, e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
