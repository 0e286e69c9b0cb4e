package io.github.vapisessionwebhook.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One cold start of function.zip with the JVM's class-load log on: the log's length when the
 * function first asks for an event splits the classes loaded during init from those the first
 * event loads.
 *
 * @param init class names loaded before the function's first poll of the Runtime API
 * @param firstEvent class names loaded while it handled its first event
 */
public record ClassLoads(List<String> init, List<String> firstEvent) {

    /**
     * Starts the function with {@code environment} (on top of the template's), waits for init, sends
     * {@code firstEvent} and returns the split.
     */
    public static ClassLoads ofColdStart(Map<String, String> environment, String firstEvent) throws Exception {
        PackagedFunction.Deployment deployment = PackagedFunction.Deployment.fromTemplate();
        Path log = Files.createTempFile(Path.of("target"), "class-load", ".log");
        Map<String, String> withLog = new java.util.HashMap<>(environment);
        withLog.put("JAVA_TOOL_OPTIONS", (deployment.environment().getOrDefault("JAVA_TOOL_OPTIONS", "")
                + " -Xlog:class+load=info:file=" + log.toAbsolutePath()).trim());
        try (RuntimeApiServer runtimeApi = new RuntimeApiServer();
                PackagedFunction function = PackagedFunction.start(deployment, runtimeApi.address(), withLog,
                        Files.createTempDirectory(Path.of("target"), "class-load-task"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (runtimeApi.firstPollNanos() == 0) {
                if (System.nanoTime() > deadline || !function.isAlive()) {
                    throw new IllegalStateException("the function did not finish init:\n" + function.output());
                }
                Thread.sleep(1);
            }
            List<String> init = names(Files.readAllLines(log));
            RuntimeApiServer.Outcome outcome = runtimeApi.invoke(firstEvent, Duration.ofSeconds(60), function.exited());
            if (outcome.error() || !outcome.body().contains("\"statusCode\":200")) {
                throw new IllegalStateException("the first event failed: " + outcome.body() + "\n" + function.output());
            }
            List<String> all = names(Files.readAllLines(log));
            return new ClassLoads(init, all.subList(init.size(), all.size()));
        }
    }

    /** The class names of class-load lines such as {@code [0.057s][info][class,load] java.lang.Object source: ...}. */
    private static List<String> names(List<String> lines) {
        return lines.stream().map(line -> line.split(" ")).filter(words -> words.length >= 2).map(words -> words[1]).toList();
    }
}
