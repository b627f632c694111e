package io.tributary.deploy.monitoring;

import io.micrometer.core.instrument.Meter;
import io.tributary.metrics.MetricTags;
import io.tributary.metrics.TributaryMeter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The engine's meters as CloudWatch sees them. Micrometer's CloudWatch registry publishes a meter under its name
 * and a suffix by type ({@code .count} for counters, {@code .value} for gauges, {@code .count .sum .max} and
 * {@code .percentile.value} with a {@code phi} dimension for timers), with only the tag keys the configuration
 * allows as dimensions (see ingest-app's {@code CloudWatchPublishTest}). Names come from {@link TributaryMeter},
 * so renaming a meter there changes the alarms here.
 */
public final class EngineMetrics {

  /**
   * The dimensions the deployment lets through: all bounded; {@code dataset} because the per-dataset alarms need it
   * (it multiplies the per-dataset metrics by the number of datasets).
   */
  public static final List<String> DIMENSIONS = List.of(MetricTags.OUTCOME, MetricTags.KIND, MetricTags.ERROR_TYPE,
      MetricTags.DATASET);

  private final String namespace;

  public EngineMetrics(String namespace) {
    this.namespace = namespace;
  }

  /** The CloudWatch metric name of {@code meter}'s main statistic ({@code .count} for a timer). */
  public static String cloudWatchName(TributaryMeter meter) {
    return meter.meterName() + "." + (meter.type() == Meter.Type.GAUGE ? "value" : "count");
  }

  /** Records sent to the error prefix, all types and datasets: the {@code error} outcome of received records. */
  public Metric errorRecords(Duration period) {
    return metric(cloudWatchName(TributaryMeter.RECEIVED_RECORDS), Map.of(MetricTags.OUTCOME, MetricTags.ERROR),
        "Sum", period);
  }

  /** Records received, by outcome. */
  public Metric receivedRecords(String outcome, Duration period) {
    return metric(cloudWatchName(TributaryMeter.RECEIVED_RECORDS), Map.of(MetricTags.OUTCOME, outcome), "Sum",
        period);
  }

  /** Committed data files. */
  public Metric dataFiles(Duration period) {
    return metric(cloudWatchName(TributaryMeter.WRITTEN_FILES), Map.of(MetricTags.KIND, MetricTags.DATA), "Sum",
        period);
  }

  /** Rows committed to {@code dataset}. */
  public Metric writtenRecords(String dataset, Duration period) {
    return metric(cloudWatchName(TributaryMeter.WRITTEN_RECORDS), Map.of(MetricTags.DATASET, dataset), "Sum",
        period);
  }

  /** The largest end-to-end latency of a file of {@code dataset} committed in the period, in milliseconds. */
  public Metric latencyMax(String dataset, Duration period) {
    return metric(TributaryMeter.LATENCY.meterName() + ".max", Map.of(MetricTags.DATASET, dataset), "Maximum",
        period);
  }

  /** The 99th percentile of the end-to-end latency of {@code dataset}, in milliseconds. */
  public Metric latencyP99(String dataset, Duration period) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    dimensions.put(MetricTags.DATASET, dataset);
    dimensions.put("phi", "0.99");
    return metric(TributaryMeter.LATENCY.meterName() + ".percentile.value", dimensions, "Maximum", period);
  }

  /** The age of the oldest buffered record, in seconds, the largest of any task. */
  public Metric freshness(Duration period) {
    return metric(cloudWatchName(TributaryMeter.FRESHNESS), Map.of(), "Maximum", period);
  }

  /**
   * The lag scaling tracks, averaged over the tasks: records behind per task (Kafka) or seconds behind the newest
   * record (Kinesis).
   */
  public Metric lag(boolean kafka, Duration period) {
    TributaryMeter meter = kafka ? TributaryMeter.SOURCE_LAG_RECORDS : TributaryMeter.SOURCE_LAG;
    return metric(cloudWatchName(meter), Map.of(), "Average", period);
  }

  /** Bytes held in buffers, the largest of any task. */
  public Metric bufferedBytes(Duration period) {
    return metric(cloudWatchName(TributaryMeter.BUFFERED_BYTES), Map.of(), "Maximum", period);
  }

  /** The longest flush (encode, upload, commit), in milliseconds. */
  public Metric flushMax(Duration period) {
    return metric(TributaryMeter.FLUSH_DURATION.meterName() + ".max", Map.of(), "Maximum", period);
  }

  public String namespace() {
    return namespace;
  }

  private Metric metric(String name, Map<String, String> dimensions, String statistic, Duration period) {
    return Metric.Builder.create().namespace(namespace).metricName(name).dimensionsMap(dimensions)
        .statistic(statistic).period(period).build();
  }
}
