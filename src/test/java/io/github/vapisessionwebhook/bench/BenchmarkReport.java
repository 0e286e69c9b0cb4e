package io.github.vapisessionwebhook.bench;

import io.github.vapisessionwebhook.support.PackagedFunction;
import io.github.vapisessionwebhook.support.Payloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.openjdk.jmh.profile.GCProfiler;
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

    private static final String AOT = "aot: function-aot.zip's bootstrap (dynamodb)";
    private static final String REFERENCE = "reference: plain handler, Jackson only";
    private static final String STORE_REFERENCE = "reference: plain handler, Jackson + AWS SDK conditional PutItem (dynamodb)";
    private static final String ON_DEMAND_REFERENCE =
            "reference: the same, as Lambda's java25 runs it on demand (`-XX:TieredStopAtLevel=1 -XX:+UseSerialGC`)";
    private static final int COLD_RUNS = 7;
    /** Issue 23's goals for Packaging=aot against the plain handler doing the same job, and the zip before it. */
    private static final double AOT_COLD_START_GOAL = 0.5;
    private static final double AOT_RSS_GOAL = 0.8;
    private static final double AOT_ZIP_GOAL_MB = 61.3;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        StringBuilder report = new StringBuilder();
        report.append("# Benchmarks\n\nMade by `bench/run` on ").append(LocalDate.now()).append(". ")
                .append(machine())
                .append(" DynamoDB engine: moto's server (`moto_server`, one request at a time), a separate process on loopback.\n\n");

        Map<String, RunResult> perEvent = perEvent();
        report.append("## Per-event cost (JMH, average time per event, 2 forks, ± is the 99.9% interval)\n\n")
                .append("| payload | body | handler (µs) | floor: body parsed to a tree (µs) | ratio | goal | ")
                .append("for scale: Funqy parsing the gateway event (µs) | handler allocation (KB/event) |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (String payload : List.of("minimal", "large")) {
            RunResult handler = perEvent.get("handler:" + payload);
            RunResult floor = perEvent.get("floor:" + payload);
            double ratio = score(handler) / score(floor);
            report.append(String.format("| %s | %,d bytes | %s | %s | %.2fx | within 2x: %s | %s | %.1f |%n", payload,
                    bodyBytes(payload), withError(handler), withError(floor), ratio, ratio <= 2 ? "met" : "missed",
                    withError(perEvent.get("gatewayEvent:" + payload)),
                    handler.getSecondaryResults().get("gc.alloc.rate.norm").getScore() / 1024));
        }

        Map<String, Callable<PackagedRuns.ColdStart>> starts = new LinkedHashMap<>();
        Map<String, String> primingAtInit = Map.of("VAPI_PRIME_ON_START", "true");
        starts.put("memory", () -> PackagedRuns.coldStart("memory", Map.of()));
        starts.put("memory, priming at init", () -> PackagedRuns.coldStart("memory", primingAtInit));
        starts.put("dynamodb", () -> PackagedRuns.coldStart("dynamodb", Map.of()));
        starts.put("dynamodb, secret in the environment", () -> PackagedRuns.coldStart("dynamodb", PackagedRuns.FIXED_SECRET));
        starts.put("dynamodb, priming at init", () -> PackagedRuns.coldStart("dynamodb", primingAtInit));
        starts.put("dynamodb, C1 only", () -> PackagedRuns.coldStart("dynamodb", PackagedRuns.C1_ONLY));
        starts.put("dynamodb, tracing on (spans to a local OTLP receiver)", PackagedRuns::tracedColdStart);
        starts.put(AOT, () -> PackagedRuns.aotColdStart(Map.of()));
        starts.put(REFERENCE, PackagedRuns::referenceColdStart);
        starts.put(STORE_REFERENCE, PackagedRuns::storeReferenceColdStart);
        starts.put(ON_DEMAND_REFERENCE, PackagedRuns::storeReferenceOnDemandColdStart);
        Map<String, List<PackagedRuns.ColdStart>> cold = interleaved(starts);
        List<PackagedRuns.ColdStart> reference = cold.remove(REFERENCE);
        List<PackagedRuns.ColdStart> storeReference = cold.remove(STORE_REFERENCE);
        List<PackagedRuns.ColdStart> onDemandReference = cold.remove(ON_DEMAND_REFERENCE);
        report.append("\n## Cold start of target/function.zip (runtime interface client, median of ")
                .append(COLD_RUNS).append(" runs, interleaved: each round starts every row once)\n\n")
                .append("JVM options as template.yaml deploys them: ").append(PackagedRuns.jvmOptionsDescribed()).append(". ")
                .append("Priming at init (`VAPI_PRIME_ON_START`, off by default; before a SnapStart snapshot it always runs) moves part of the first event's warm-up into init. ")
                .append("Every JVM sees the function's ").append(PackagedRuns.lambdaMemoryMb())
                .append(" MB as in Lambda (`-XX:MaxRAM`), whatever this machine has. ")
                .append("dynamodb rows read the webhook secret from Secrets Manager on moto at init, as deployed; ")
                .append("\"secret in the environment\" (`VAPI_WEBHOOK_SECRET`) shows what that read costs.\n\n")
                .append("| store | launch to first response (ms) | spread (min–max) | JVM + Lambda loop (ms) | ")
                .append("Quarkus boot (ms) | first event (ms) | warm event (ms) | first / warm | peak RSS (MiB) | CPU to first response (ms) |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        cold.forEach((store, runs) -> coldRow(report, store, runs));
        coldRow(report, REFERENCE, reference);
        coldRow(report, STORE_REFERENCE, storeReference);
        coldRow(report, ON_DEMAND_REFERENCE, onDemandReference);
        report.append("\nGoals: first response within 1,500 ms of JVM launch; first event within 3x a warm event. ")
                .append("Quarkus boot is the time Quarkus reports (\"started in\"); JVM + Lambda loop is the rest of ")
                .append("init, from process launch to the function's first request for an event (AWS's runtime interface ")
                .append("client for function.zip and the references, Quarkus's own loop for aot). The reference is a ")
                .append("plain `RequestStreamHandler` (no framework, no store) that parses the event and its body with ")
                .append("Jackson, run by the same runtime client: what the JVM and the client cost by themselves.\n");

        packagings(report, cold.get("dynamodb"), cold.get(AOT), reference,
                storeReference, onDemandReference);
        Map<String, List<PackagedRuns.ColdStart>> resident = new LinkedHashMap<>();
        resident.put("jvm: function.zip (dynamodb)", cold.get("dynamodb"));
        resident.put(AOT, cold.get(AOT));
        resident.put(STORE_REFERENCE, storeReference);
        resident.put(ON_DEMAND_REFERENCE, onDemandReference);
        residentMemory(report, resident);

        report.append("\n## Where a cold start goes: classes loaded (one run each, `-Xlog:class+load`)\n\n");
        Map<String, PackagedRuns.ClassLoading> loading = new LinkedHashMap<>();
        loading.put("dynamodb", PackagedRuns.classLoading("dynamodb", Map.of()));
        loading.put("dynamodb, priming at init", PackagedRuns.classLoading("dynamodb", primingAtInit));
        List<String> origins = new ArrayList<>(loading.get("dynamodb").init().keySet());
        report.append("| store | phase | all | ").append(String.join(" | ", origins)).append(" |\n")
                .append("| --- | --- | --- |").append(" --- |".repeat(origins.size())).append("\n");
        loading.forEach((store, classes) -> {
            classRow(report, store, "init", classes.init());
            classRow(report, store, "first event", classes.firstEvent());
        });

        report.append(String.format("%n## Warm throughput (DynamoDB on moto, one event at a time as Lambda runs them)%n%n"
                + "| JVM options | events | events/s | p50 (ms) | p99 (ms) |%n| --- | --- | --- | --- | --- |%n"));
        Map<String, Map<String, String>> compilers = new LinkedHashMap<>();
        compilers.put("as template.yaml deploys: " + PackagedRuns.jvmOptionsDescribed(), Map.of());
        compilers.put("C1 only (`" + PackagedRuns.C1_ONLY.get("JAVA_TOOL_OPTIONS") + "`)", PackagedRuns.C1_ONLY);
        for (Map.Entry<String, Map<String, String>> compiler : compilers.entrySet()) {
            PackagedRuns.Throughput throughput = PackagedRuns.throughput("dynamodb", events, compiler.getValue());
            report.append(String.format("| %s | %,d | %.0f | %.2f | %.2f |%n", compiler.getKey(), throughput.events(),
                    throughput.eventsPerSecond(), throughput.p50Ms(), throughput.p99Ms()));
        }

        Path docs = Path.of("docs");
        Files.createDirectories(docs);
        chart(cold, docs.resolve("benchmarks.png"));
        report.append("\n![cold start phases](benchmarks.png)\n");
        Files.writeString(docs.resolve("benchmarks.md"), report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
        // Ends the JVM whatever threads the runs left; its shutdown hook stops moto.
        System.exit(0);
    }

    private static Map<String, RunResult> perEvent() throws Exception {
        Options options = new OptionsBuilder()
                .include(HandlerBenchmark.class.getName())
                .forks(2).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .addProfiler(GCProfiler.class)
                .build();
        Map<String, RunResult> results = new LinkedHashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String method = result.getParams().getBenchmark();
            results.put(method.substring(method.lastIndexOf('.') + 1) + ":" + result.getParams().getParam("payload"), result);
        }
        return results;
    }

    private static double score(RunResult result) {
        return result.getPrimaryResult().getScore();
    }

    private static String withError(RunResult result) {
        return String.format("%.1f ± %.1f", score(result), result.getPrimaryResult().getScoreError());
    }

    private static void classRow(StringBuilder report, String store, String phase, Map<String, Integer> counts) {
        report.append("| ").append(store).append(" | ").append(phase).append(" | ")
                .append(String.format("%,d", counts.values().stream().mapToInt(Integer::intValue).sum()));
        counts.values().forEach(count -> report.append(String.format(" | %,d", count)));
        report.append(" |\n");
    }

    /**
     * COLD_RUNS cold starts of each, in rounds that take each once: a machine that slows down for a
     * while slows every row a little rather than one row a lot, so the ratios between rows hold.
     */
    private static Map<String, List<PackagedRuns.ColdStart>> interleaved(Map<String, Callable<PackagedRuns.ColdStart>> starts)
            throws Exception {
        Map<String, List<PackagedRuns.ColdStart>> runs = new LinkedHashMap<>();
        for (int round = 0; round < COLD_RUNS; round++) {
            for (Map.Entry<String, Callable<PackagedRuns.ColdStart>> start : starts.entrySet()) {
                runs.computeIfAbsent(start.getKey(), name -> new ArrayList<>()).add(start.getValue().call());
            }
        }
        return runs;
    }

    private static void coldRow(StringBuilder report, String store, List<PackagedRuns.ColdStart> runs) {
        double boot = median(runs, PackagedRuns.ColdStart::quarkusBootMs);
        double[] launches = runs.stream().mapToDouble(PackagedRuns.ColdStart::launchToFirstResponseMs).sorted().toArray();
        report.append(String.format("| %s | %.0f | %.0f–%.0f | %.0f | %s | %.1f | %.2f | %.1fx | %.0f | %.0f |%n",
                store, median(runs, PackagedRuns.ColdStart::launchToFirstResponseMs), launches[0], launches[launches.length - 1],
                median(runs, PackagedRuns.ColdStart::jvmAndLambdaLoopMs), Double.isNaN(boot) ? "–" : String.format("%.0f", boot),
                median(runs, PackagedRuns.ColdStart::firstEventMs), median(runs, PackagedRuns.ColdStart::warmEventMs),
                median(runs, PackagedRuns.ColdStart::firstEventMs) / median(runs, PackagedRuns.ColdStart::warmEventMs),
                median(runs, run -> run.peakRssKb() / 1024.0), median(runs, PackagedRuns.ColdStart::cpuToFirstResponseMs)));
    }

    /** jvm (java25 without SnapStart), aot and the plain handlers, with the zips' sizes; aot's ratios to each reference. */
    private static void packagings(StringBuilder report, List<PackagedRuns.ColdStart> jvm, List<PackagedRuns.ColdStart> aot,
            List<PackagedRuns.ColdStart> reference, List<PackagedRuns.ColdStart> storeReference,
            List<PackagedRuns.ColdStart> onDemandReference) throws IOException {
        report.append("\n## Packagings side by side (same run)\n\n")
                .append("| packaging | launch to first response (ms) | spread (min–max) | peak RSS (MiB) | CPU to first response (ms) | zip (MB) | unzipped (MB) |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        packagingRow(report, "jvm: function.zip on JDK 25 (java25 without SnapStart)", jvm, PackagedRuns.zipSize(PackagedFunction.ZIP));
        packagingRow(report, "aot: function-aot.zip's bootstrap (bundled runtime + AOT cache)", aot,
                PackagedRuns.zipSize(PackagedFunction.AOT_ZIP));
        packagingRow(report, "reference: plain handler, Jackson + AWS SDK PutItem", storeReference, null);
        packagingRow(report, ON_DEMAND_REFERENCE, onDemandReference, null);
        packagingRow(report, REFERENCE, reference, null);
        report.append("\n");
        double cold = ratio(aot, storeReference, PackagedRuns.ColdStart::launchToFirstResponseMs);
        double rss = ratio(aot, storeReference, PackagedRuns.ColdStart::peakRssKb);
        double zipMb = Files.size(PackagedFunction.AOT_ZIP) / 1e6;
        report.append(String.format("aot against the plain handler doing the same job (Jackson + AWS SDK conditional PutItem): "
                + "cold start %.2fx (goal at most %.1fx: %s), peak RSS %.2fx (goal at most %.1fx: %s); zip %.1f MB (goal under "
                + "%.1f MB: %s).%n%n", cold, AOT_COLD_START_GOAL, met(cold <= AOT_COLD_START_GOAL), rss, AOT_RSS_GOAL,
                met(rss <= AOT_RSS_GOAL), zipMb, AOT_ZIP_GOAL_MB, met(zipMb < AOT_ZIP_GOAL_MB)));
        report.append(String.format("aot's CPU to first response against the plain SDK handler's: %.2fx (all threads of the "
                + "process, so C1's compilations too: where Lambda gives a share of one CPU, as at 512 MB, this rather than the "
                + "wall time on this machine's two cores bounds a cold start).%n%n",
                ratio(aot, storeReference, PackagedRuns.ColdStart::cpuToFirstResponseMs)));
        report.append(String.format("aot against the same plain SDK handler as Lambda's java25 runtime starts it without SnapStart "
                + "or provisioned concurrency (C1 only, serial collector, as aot itself runs): cold start %.2fx, peak RSS %.2fx, "
                + "CPU to first response %.2fx.%n%n", ratio(aot, onDemandReference, PackagedRuns.ColdStart::launchToFirstResponseMs),
                ratio(aot, onDemandReference, PackagedRuns.ColdStart::peakRssKb),
                ratio(aot, onDemandReference, PackagedRuns.ColdStart::cpuToFirstResponseMs)));
        report.append(String.format("aot against the plain handler with Jackson only: cold start %.2fx, peak RSS %.2fx.%n%n",
                ratio(aot, reference, PackagedRuns.ColdStart::launchToFirstResponseMs),
                ratio(aot, reference, PackagedRuns.ColdStart::peakRssKb)));
    }

    /** What each process held after its warm events, by what it maps (PackagedRuns.Resident). */
    private static void residentMemory(StringBuilder report, Map<String, List<PackagedRuns.ColdStart>> runs) {
        report.append("## Where the memory goes (resident after the warm events, MiB, median)\n\n")
                .append("The AOT cache is resident in full, whatever paths a start takes: the JVM relocates it and links every ")
                .append("class it holds at start, so each class the training loaded (the reader's, tracing's) costs memory in ")
                .append("every aot process. Without a cache the same classes' metadata is anonymous memory (metaspace).\n\n")
                .append("| run | resident | AOT cache | libjvm.so | other files | anonymous (heap, metaspace, code, stacks, native) |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        runs.forEach((name, coldStarts) -> report.append(String.format("| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n", name,
                median(coldStarts, run -> run.resident().totalKb() / 1024.0),
                median(coldStarts, run -> run.resident().aotCacheKb() / 1024.0),
                median(coldStarts, run -> run.resident().jvmLibraryKb() / 1024.0),
                median(coldStarts, run -> run.resident().otherFilesKb() / 1024.0),
                median(coldStarts, run -> run.resident().anonymousKb() / 1024.0))));
        report.append("\n");
    }

    private static double ratio(List<PackagedRuns.ColdStart> runs, List<PackagedRuns.ColdStart> reference,
            ToDoubleFunction<PackagedRuns.ColdStart> measure) {
        return median(runs, measure) / median(reference, measure);
    }

    private static String met(boolean met) {
        return met ? "met" : "missed";
    }

    private static void packagingRow(StringBuilder report, String name, List<PackagedRuns.ColdStart> runs,
            PackagedRuns.ZipSize size) {
        double[] launches = runs.stream().mapToDouble(PackagedRuns.ColdStart::launchToFirstResponseMs).sorted().toArray();
        report.append(String.format("| %s | %.0f | %.0f–%.0f | %.0f | %.0f | %s | %s |%n", name, launches[launches.length / 2],
                launches[0], launches[launches.length - 1], median(runs, run -> run.peakRssKb() / 1024.0),
                median(runs, PackagedRuns.ColdStart::cpuToFirstResponseMs),
                size == null ? "–" : String.format("%.1f", size.zipped() / 1e6),
                size == null ? "–" : String.format("%.1f", size.unzipped() / 1e6)));
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
        series(chart, "JVM + Lambda loop", stores, cold, PackagedRuns.ColdStart::jvmAndLambdaLoopMs);
        series(chart, "Quarkus boot (with priming, when on)", stores, cold, PackagedRuns.ColdStart::quarkusBootMs);
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
        return String.format("Machine: %d cores (%s), %.0f GiB memory, %s %s. JMH runs on Java %s; function.zip runs"
                + " on the JDK at %s (as on Lambda's java25 runtime, but not Lambda's own JVM build).",
                Runtime.getRuntime().availableProcessors(), cpu, memoryKb / 1048576.0, System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), PackagedFunction.LAMBDA_JAVA);
    }

}
