package io.tributary.app.config;

import io.tributary.config.ConfigKey;
import io.tributary.config.DatasetKeys;
import java.util.Optional;

/**
 * Per-dataset values: a key a dataset under {@code datasets.<name>.} does not set comes from {@code dataset-defaults.},
 * else from its built-in default. Shared by the builders that read per-dataset keys ({@link LandingConfig},
 * {@link IcebergConfig}).
 */
final class DatasetValues {

  private DatasetValues() {}

  /** The value of {@code key} under {@code prefix} ({@code datasets.<name>.} or {@code dataset-defaults.}). */
  static <T> T value(Config config, String prefix, ConfigKey<T> key) {
    return config.get(effective(config, prefix, key));
  }

  static <T> Optional<T> find(Config config, String prefix, ConfigKey<T> key) {
    return config.find(effective(config, prefix, key));
  }

  /** The key that gives {@code key}'s value under {@code prefix}: its own when set, else the defaults' one. */
  static <T> ConfigKey<T> effective(Config config, String prefix, ConfigKey<T> key) {
    ConfigKey<T> own = key.under(prefix);
    return config.has(own) ? own : DatasetKeys.defaults(key);
  }
}
