package io.github.vapisessionwebhook.bench;

import io.github.vapisessionwebhook.support.Payloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark command (bench/run): per-event cost (JMH), cold starts of function.zip and warm
 * throughput, printed as a table and written with a chart to docs/benchmarks.md.
 */
public final class BenchmarkReport {

    private static final int COLD_RUNS = 7;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        StringBuilder report = new StringBuilder();
        report.append("# Benchmarks\n\nMade by `bench/run` on ").append(LocalDate.now()).append(". ")
                .append(machine()).append("\n\n");

        Map<String, Double> perEvent = perEvent();
        report.append("## Per-event cost (JMH, average time per event)\n\n")
                .append("| payload | body | handler (µs) | floor: body parsed to a tree (µs) | ratio | goal |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (String payload : List.of("minimal", "large")) {
            double handler = perEvent.get("handler:" + payload);
            double floor = perEvent.get("floor:" + payload);
            report.append(String.format("| %s | %,d bytes | %.1f | %.1f | %.2fx | within 2x: %s |%n", payload,
                    bodyBytes(payload), handler, floor, handler / floor, handler / floor <= 2 ? "met" : "missed"));
        }

        Map<String, List<PackagedRuns.ColdStart>> cold = new LinkedHashMap<>();
        cold.put("memory", runs("memory", Map.of()));
        cold.put("dynamodb", runs("dynamodb", Map.of()));
        cold.put("dynamodb, primed at init", runs("dynamodb", Map.of("VAPI_PRIME_ON_START", "true")));
        report.append("\n## Cold start of target/function.zip (runtime interface client, median of ")
                .append(COLD_RUNS).append(" runs)\n\n")
                .append("| store | launch to first response (ms) | JVM + runtime client (ms) | Quarkus boot (ms) | ")
                .append("first event (ms) | warm event (ms) | first / warm | peak RSS (MiB) |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        cold.forEach((store, runs) -> report.append(String.format("| %s | %.0f | %.0f | %.0f | %.1f | %.2f | %.1fx | %.0f |%n",
                store, median(runs, PackagedRuns.ColdStart::launchToFirstResponseMs),
                median(runs, PackagedRuns.ColdStart::jvmAndRuntimeClientMs), median(runs, PackagedRuns.ColdStart::quarkusBootMs),
                median(runs, PackagedRuns.ColdStart::firstEventMs), median(runs, PackagedRuns.ColdStart::warmEventMs),
                median(runs, PackagedRuns.ColdStart::firstEventMs) / median(runs, PackagedRuns.ColdStart::warmEventMs),
                median(runs, run -> run.peakRssKb() / 1024.0))));
        report.append("\nGoals: first response within 1,500 ms of JVM launch; first event within 3x a warm event.\n");

        PackagedRuns.Throughput throughput = PackagedRuns.throughput("dynamodb", events);
        report.append(String.format("%n## Warm throughput (DynamoDB Local, one event at a time as Lambda runs them)%n%n"
                + "| events | events/s | p50 (ms) | p99 (ms) |%n| --- | --- | --- | --- |%n| %,d | %.0f | %.2f | %.2f |%n",
                throughput.events(), throughput.eventsPerSecond(), throughput.p50Ms(), throughput.p99Ms()));

        Path docs = Path.of("docs");
        Files.createDirectories(docs);
        chart(cold, docs.resolve("benchmarks.png"));
        report.append("\n![cold start phases](benchmarks.png)\n");
        Files.writeString(docs.resolve("benchmarks.md"), report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private static Map<String, Double> perEvent() throws Exception {
        Options options = new OptionsBuilder()
                .include(HandlerBenchmark.class.getName())
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            String name = method.substring(method.lastIndexOf('.') + 1);
            scores.put(name + ":" + result.getParams().getParam("payload"), result.getPrimaryResult().getScore());
        }
        return scores;
    }

    private static List<PackagedRuns.ColdStart> runs(String store, Map<String, String> environment) throws Exception {
        List<PackagedRuns.ColdStart> runs = new ArrayList<>();
        for (int i = 0; i < COLD_RUNS; i++) {
            runs.add(PackagedRuns.coldStart(store, environment));
        }
        return runs;
    }

    private static double median(List<PackagedRuns.ColdStart> runs, ToDoubleFunction<PackagedRuns.ColdStart> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        return values[values.length / 2];
    }

    private static int bodyBytes(String payload) {
        return Payloads.text(payload.equals("large") ? LargePayload.build("bench-session")
                : Payloads.resource("session-created.minimal.json")).getBytes(StandardCharsets.UTF_8).length;
    }

    private static void chart(Map<String, List<PackagedRuns.ColdStart>> cold, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Cold start of function.zip, median ms").xAxisTitle("store").yAxisTitle("ms").build();
        chart.getStyler().setStacked(true);
        List<String> stores = new ArrayList<>(cold.keySet());
        series(chart, "JVM + runtime client", stores, cold, PackagedRuns.ColdStart::jvmAndRuntimeClientMs);
        series(chart, "Quarkus boot", stores, cold, PackagedRuns.ColdStart::quarkusBootMs);
        series(chart, "first event", stores, cold, PackagedRuns.ColdStart::firstEventMs);
        BitmapEncoder.saveBitmap(chart, file.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void series(CategoryChart chart, String name, List<String> stores,
            Map<String, List<PackagedRuns.ColdStart>> cold, ToDoubleFunction<PackagedRuns.ColdStart> value) {
        List<Double> medians = stores.stream().map(store -> median(cold.get(store), value)).toList();
        chart.addSeries(name, stores, medians);
    }

    private static String machine() {
        String cpu = "unknown CPU";
        long memoryKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(cpu);
            memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .findFirst().map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException e) {
            cpu = "unreadable /proc";
        }
        return String.format("Machine: %d cores (%s), %.0f GiB memory, %s %s, Java %s. The function runs on this JVM, "
                + "not on Lambda's java21 runtime.", Runtime.getRuntime().availableProcessors(), cpu, memoryKb / 1048576.0,
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

}
