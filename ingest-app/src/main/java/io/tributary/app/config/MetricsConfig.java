package io.tributary.app.config;

import static io.tributary.app.config.ConfigValues.missing;
import static io.tributary.app.config.ConfigValues.named;
import static io.tributary.app.config.ConfigValues.region;
import static io.tributary.app.config.ConfigValues.uri;
import static io.tributary.app.metrics.MetricsKeys.*;

import io.tributary.app.metrics.MetricsSettings;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/** Where metrics go, from the {@code metrics.} keys: CloudWatch (which needs a region) and Prometheus. */
final class MetricsConfig {

  private MetricsConfig() {}

  static MetricsSettings settings(Config config) {
    boolean cloudWatch = config.get(CLOUDWATCH_ENABLED);
    String region = region(config, CLOUDWATCH_REGION).orElse(null);
    if (cloudWatch && region == null) {
      throw missing(CLOUDWATCH_REGION, "give it, or set AWS_REGION");
    }
    Optional<URI> endpoint = uri(config, CLOUDWATCH_ENDPOINT);
    return named(CLOUDWATCH_NAMESPACE, () -> new MetricsSettings(cloudWatch,
        config.get(CLOUDWATCH_NAMESPACE), config.get(CLOUDWATCH_STEP),
        region == null ? MetricsSettings.FALLBACK_REGION : region, endpoint,
        Set.copyOf(config.get(CLOUDWATCH_DIMENSIONS)), config.get(PROMETHEUS_ENABLED)));
  }
}
