package io.tributary.app.metrics;

import static io.tributary.config.ValueType.BOOLEAN;
import static io.tributary.config.ValueType.STRING;
import static io.tributary.config.ValueType.STRING_LIST;
import static io.tributary.config.ValueType.duration;

import io.tributary.config.ConfigKey;
import io.tributary.metrics.MetricTags;
import java.time.Duration;
import java.util.List;

/** The metrics keys ({@code metrics.*}), declared once with their defaults: {@link MetricsSettings} takes them. */
public final class MetricsKeys {

  private MetricsKeys() {}

  public static final ConfigKey<Boolean> CLOUDWATCH_ENABLED = ConfigKey.of("metrics.cloudwatch.enabled", BOOLEAN,
      false, "Publish metrics to CloudWatch.");
  public static final ConfigKey<String> CLOUDWATCH_NAMESPACE = ConfigKey.of("metrics.cloudwatch.namespace", STRING,
      "Tributary", "The CloudWatch namespace.");
  public static final ConfigKey<Duration> CLOUDWATCH_STEP = ConfigKey.of("metrics.cloudwatch.step",
      duration(Duration.ofSeconds(1)), Duration.ofMinutes(1), "How often metrics are published.");
  public static final ConfigKey<String> CLOUDWATCH_REGION = ConfigKey.optional("metrics.cloudwatch.region", STRING,
      "CloudWatch's region. Default: from the environment.");
  public static final ConfigKey<String> CLOUDWATCH_ENDPOINT = ConfigKey.optional("metrics.cloudwatch.endpoint",
      STRING, "An endpoint override for CloudWatch (a VPC endpoint); absent for AWS.");
  public static final ConfigKey<List<String>> CLOUDWATCH_DIMENSIONS = ConfigKey.of("metrics.cloudwatch.dimensions",
      STRING_LIST, List.of(MetricTags.OUTCOME, MetricTags.KIND, MetricTags.ERROR_TYPE),
      "The tags sent to CloudWatch as dimensions; the others are dropped and the metrics they told apart summed "
          + "(each metric and dimension combination is billed). Add `dataset` for per-dataset metrics.");
  public static final ConfigKey<Boolean> PROMETHEUS_ENABLED = ConfigKey.of("metrics.prometheus.enabled", BOOLEAN,
      true, "Serve Prometheus text at `/metrics`.");

  /** These keys, in documentation order. */
  public static List<ConfigKey<?>> all() {
    return List.of(CLOUDWATCH_ENABLED, CLOUDWATCH_NAMESPACE, CLOUDWATCH_STEP, CLOUDWATCH_REGION, CLOUDWATCH_ENDPOINT,
        CLOUDWATCH_DIMENSIONS, PROMETHEUS_ENABLED);
  }
}
