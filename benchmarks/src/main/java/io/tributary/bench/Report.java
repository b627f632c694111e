package io.tributary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Turns the results into the README's tables and charts: reads {@code <results>/jmh.json} (JMH's JSON output) and
 * {@code <results>/e2e-*.json} ({@link io.tributary.bench.e2e.EndToEnd}), prints Markdown tables and writes
 * {@code throughput.png} and {@code latency.png} next to the results folder. Arguments: the results folder
 * (default {@code results}) and the folder for the charts (default {@code .}).
 */
public final class Report {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Report() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args.length > 0 ? args[0] : "results");
    Path charts = Path.of(args.length > 1 ? args[1] : ".");
    Map<String, Map<String, double[]>> jmh = readJmh(results.resolve("jmh.json"));
    List<String> shapes = List.of("SMALL", "NESTED", "WIDE");

    System.out.println("| shape | Tributary events/s | naive events/s | ratio | Tributary B/event | naive B/event |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    List<Double> ours = new ArrayList<>();
    List<Double> naive = new ArrayList<>();
    for (String shape : shapes) {
      double[] t = jmh.getOrDefault("CorePathBenchmark.tributary", Map.of()).get(shape);
      double[] n = jmh.getOrDefault("CorePathBenchmark.naive", Map.of()).get(shape);
      ours.add(t == null ? 0 : (double) Math.round(t[0]));
      naive.add(n == null ? 0 : (double) Math.round(n[0]));
      if (t != null && n != null) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f ± %,.0f | %,.0f ± %,.0f | %.2f× | %,.0f | %,.0f |%n", shape,
            t[0], t[1], n[0], n[1], t[0] / n[0], t[2], n[2]);
      }
    }
    System.out.println();
    System.out.println("| benchmark | shape | score | unit | B/op |");
    System.out.println("|---|---|---:|---|---:|");
    for (Map.Entry<String, Map<String, double[]>> bench : jmh.entrySet()) {
      if (bench.getKey().startsWith("CorePathBenchmark")) {
        continue;
      }
      for (Map.Entry<String, double[]> row : bench.getValue().entrySet()) {
        double[] v = row.getValue();
        System.out.printf(Locale.ROOT, "| %s | %s | %,.2f ± %,.2f | %s | %,.0f |%n", bench.getKey(), row.getKey(),
            v[0], v[1], unit(bench.getKey()), v[2]);
      }
    }

    List<Double> endToEnd = new ArrayList<>();
    for (String shape : shapes) {
      Path file = results.resolve("e2e-max-" + shape.toLowerCase(Locale.ROOT) + ".json");
      endToEnd.add(Files.exists(file) ? JSON.readTree(file.toFile()).path("durablePerSecond").asDouble() : 0);
    }
    CategoryChart throughput = new CategoryChartBuilder().width(900).height(500)
        .title("Events per second (JMH: one core; end to end: 2 cores, Kafka, 512 MiB heap)")
        .xAxisTitle("event shape").yAxisTitle("events/s").build();
    throughput.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    throughput.getStyler().setLabelsVisible(true);
    throughput.getStyler().setDecimalPattern("#,###");
    throughput.addSeries("Tributary core path", shapes, ours);
    throughput.addSeries("naive Jackson→Avro→Parquet", shapes, naive);
    throughput.addSeries("Tributary end to end", shapes, endToEnd);
    BitmapEncoder.saveBitmap(throughput, charts.resolve("throughput").toString(), BitmapEncoder.BitmapFormat.PNG);

    Path steadyFile = firstSteady(results);
    if (steadyFile != null) {
      JsonNode steady = JSON.readTree(steadyFile.toFile());
      CategoryChart latency = new CategoryChartBuilder().width(900).height(500)
          .title(String.format(Locale.ROOT, "Send-to-durable latency at %,d events/min (%s, files roll after %d s)",
              steady.path("perMinute").asInt(), steady.path("shape").asText(), steady.path("rollSeconds").asInt()))
          .xAxisTitle("percentile").yAxisTitle("seconds").build();
      latency.getStyler().setLabelsVisible(true);
      latency.getStyler().setDecimalPattern("#.#");
      latency.getStyler().setLegendVisible(false);
      latency.addSeries("latency", List.of("p50", "p99", "max"), List.of(
          steady.path("latencyP50Millis").asDouble() / 1000, steady.path("latencyP99Millis").asDouble() / 1000,
          steady.path("latencyMaxMillis").asDouble() / 1000));
      BitmapEncoder.saveBitmap(latency, charts.resolve("latency").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
    System.out.println("charts written to " + charts.toAbsolutePath());
  }

  private static Path firstSteady(Path results) throws Exception {
    try (var files = Files.list(results)) {
      return files.filter(p -> p.getFileName().toString().startsWith("e2e-steady-")).sorted().findFirst()
          .orElse(null);
    }
  }

  private static String unit(String benchmark) {
    return benchmark.startsWith("SchemaChange") ? "µs/event" : "events/s";
  }

  /** Benchmark (class.method) to shape (or "-") to {score, error, allocated bytes per op}. */
  private static Map<String, Map<String, double[]>> readJmh(Path file) throws Exception {
    Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (JsonNode run : JSON.readTree(file.toFile())) {
      String name = run.path("benchmark").asText().replace("io.tributary.bench.", "");
      String shape = run.path("params").path("shape").asText("-");
      JsonNode primary = run.path("primaryMetric");
      double alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
      out.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(shape,
          new double[] {primary.path("score").asDouble(), primary.path("scoreError").asDouble(), alloc});
    }
    return out;
  }
}
