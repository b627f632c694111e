package io.tributary.app.config;

import io.tributary.config.ConfigKey;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reading values for the per-concern settings builders ({@link LandingConfig}, {@link StoreConfig},
 * {@link KafkaConfig}, {@link KinesisConfig}, {@link MetricsConfig}) so that every problem names its key.
 */
final class ConfigValues {

  private ConfigValues() {}

  /** The value of {@code key}, or a {@link ConfigException} saying it is missing and why it is needed. */
  static String required(Config config, ConfigKey<String> key, String why) {
    return config.find(key).orElseThrow(() -> missing(key, why));
  }

  static ConfigException missing(ConfigKey<?> key, String why) {
    String region = System.getenv("AWS_REGION");
    boolean emptyRegion = why.contains("AWS_REGION") && region != null && region.isBlank();
    return new ConfigException("missing " + key.name() + ": " + why + (emptyRegion ? " (AWS_REGION is set but empty)"
        : ""));
  }

  /** A region key's value, else the environment's {@code AWS_REGION}. */
  static Optional<String> region(Config config, ConfigKey<String> key) {
    return config.find(key).or(() -> Optional.ofNullable(System.getenv("AWS_REGION")).filter(r -> !r.isBlank()));
  }

  static Optional<URI> uri(Config config, ConfigKey<String> key) {
    return config.find(key).map(text -> named(key, () -> URI.create(text)));
  }

  /** Builds a value, turning an {@link IllegalArgumentException} into a {@link ConfigException} naming the key. */
  static <T> T named(ConfigKey<?> key, Supplier<T> build) {
    return named(key.name(), build);
  }

  static <T> T named(String key, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new ConfigException(message != null && message.contains(key) ? message : key + ": " + message);
    }
  }
}
