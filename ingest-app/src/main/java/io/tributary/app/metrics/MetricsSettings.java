package io.tributary.app.metrics;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where metrics are published, already read from the config.
 *
 * @param cloudWatchEnabled whether to publish to CloudWatch
 * @param namespace the CloudWatch namespace (1 to 255 characters, not starting with {@code AWS/}); checked only when
 *     CloudWatch is enabled
 * @param step how often CloudWatch gets the values of the last step, at least one second (CloudWatch keeps
 *     one-minute resolution; a shorter step costs more requests, not finer data)
 * @param region the AWS region of CloudWatch; checked only when CloudWatch is enabled
 * @param endpointOverride another CloudWatch endpoint (a VPC endpoint, a local emulator), empty for the region's
 * @param dimensions the tag keys that may reach CloudWatch as dimensions; others are removed before publishing and
 *     the meters they told apart are summed (a percentile gauge keeps its {@code phi})
 * @param prometheusEnabled whether to keep a Prometheus registry for the {@code /metrics} text endpoint
 */
public record MetricsSettings(boolean cloudWatchEnabled, String namespace, Duration step, String region,
    Optional<URI> endpointOverride, Set<String> dimensions, boolean prometheusEnabled) {

  /** The CloudWatch default step ({@code metrics.cloudwatch.step}). */
  public static final Duration DEFAULT_STEP = MetricsKeys.CLOUDWATCH_STEP.byDefault();
  /** The region CloudWatch is addressed in when none is configured or in the environment. */
  public static final String FALLBACK_REGION = "us-east-1";

  public MetricsSettings {
    Objects.requireNonNull(step, "step may not be null");
    Objects.requireNonNull(endpointOverride, "endpointOverride may not be null");
    dimensions = Set.copyOf(Objects.requireNonNull(dimensions, "dimensions may not be null"));
    if (step.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("Invalid metrics step " + step + ": must be at least 1 second");
    }
    for (String key : dimensions) {
      if (key.isBlank()) {
        throw new IllegalArgumentException("Invalid CloudWatch dimension '" + key + "': may not be blank");
      }
    }
    if (cloudWatchEnabled) {
      if (namespace == null || namespace.isBlank() || namespace.length() > 255 || namespace.startsWith("AWS/")) {
        throw new IllegalArgumentException("Invalid CloudWatch namespace '" + namespace
            + "': must be 1 to 255 characters and may not start with AWS/");
      }
      if (region == null || region.isBlank()) {
        throw new IllegalArgumentException("Invalid CloudWatch region '" + region + "': may not be blank");
      }
    }
  }

  /**
   * The defaults {@link MetricsKeys} declares: CloudWatch off, Prometheus on; when CloudWatch is turned on: namespace
   * {@code Tributary}, a one-minute step, {@value #FALLBACK_REGION}, and the bounded dimensions {@code outcome},
   * {@code kind} and {@code error_type} ({@code dataset} is left out: it multiplies the metrics by the number of
   * tables).
   */
  public static MetricsSettings defaults() {
    return new MetricsSettings(MetricsKeys.CLOUDWATCH_ENABLED.byDefault(), MetricsKeys.CLOUDWATCH_NAMESPACE.byDefault(),
        DEFAULT_STEP, FALLBACK_REGION, Optional.empty(), Set.copyOf(MetricsKeys.CLOUDWATCH_DIMENSIONS.byDefault()),
        MetricsKeys.PROMETHEUS_ENABLED.byDefault());
  }
}
