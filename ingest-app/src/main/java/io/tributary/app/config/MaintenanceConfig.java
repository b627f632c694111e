package io.tributary.app.config;

import io.tributary.config.ConfigKey;
import io.tributary.config.DatasetKeys;
import io.tributary.iceberg.maintain.MaintenanceKeys;
import io.tributary.iceberg.maintain.MaintenanceSettings;
import io.tributary.routing.DatasetNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Table maintenance's settings from a configuration: the service loop's ({@code maintenance.*}) and each dataset's
 * (a key a dataset under {@code datasets.<name>} does not set comes from {@code dataset-defaults}, else from its
 * built-in default), as {@link LandingConfig} reads the landing's.
 */
public final class MaintenanceConfig {
  private final Config config;
  private final MaintenanceSettings defaults;
  private final Map<String, MaintenanceSettings> perDataset = new HashMap<>();

  private MaintenanceConfig(Config config) {
    this.config = config;
    this.defaults = read(DatasetKeys.DEFAULTS_PREFIX);
    for (String name : config.names(DatasetKeys.DATASETS_PREFIX)) {
      perDataset.put(DatasetNames.sanitize(name), read(DatasetKeys.DATASETS_PREFIX + name + "."));
    }
  }

  /** @throws ConfigException naming the key when a value is invalid */
  public static MaintenanceConfig of(Config config) {
    return new MaintenanceConfig(Objects.requireNonNull(config, "config may not be null"));
  }

  /** Whether the service runs the maintenance loop. */
  public boolean enabled() {
    return config.get(MaintenanceKeys.ENABLED);
  }

  /** Time between two runs of the elected task. */
  public Duration interval() {
    return config.get(MaintenanceKeys.INTERVAL);
  }

  /** How long the maintenance lease lasts unrenewed. */
  public Duration lease() {
    return config.get(MaintenanceKeys.LEASE);
  }

  /** What maintenance does to {@code dataset}'s table. */
  public MaintenanceSettings settings(String dataset) {
    return perDataset.getOrDefault(dataset, defaults);
  }

  private MaintenanceSettings read(String prefix) {
    return ConfigValues.named(prefix + "maintenance", () -> new MaintenanceSettings(value(prefix,
        MaintenanceKeys.MIN_AGE), value(prefix, MaintenanceKeys.TARGET_FILE_SIZE),
        value(prefix, MaintenanceKeys.SNAPSHOT_RETENTION), value(prefix, MaintenanceKeys.ORPHAN_AGE)));
  }

  private <T> T value(String prefix, ConfigKey<T> key) {
    ConfigKey<T> own = key.under(prefix);
    return config.get(config.has(own) ? own : DatasetKeys.defaults(key));
  }
}
