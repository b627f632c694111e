package io.tributary.app.config;

import static io.tributary.app.config.ConfigValues.named;
import static io.tributary.app.config.ConfigValues.required;
import static io.tributary.config.CoreKeys.*;

import io.tributary.buffer.RollingPolicy;
import io.tributary.config.ConfigKey;
import io.tributary.config.DatasetKeys;
import io.tributary.decode.DecodeLimits;
import io.tributary.landing.DatasetLanding;
import io.tributary.landing.LandingSettings;
import io.tributary.parquet.Compression;
import io.tributary.parquet.WriteOptions;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.routing.DatasetNames;
import io.tributary.routing.DatasetRouter;
import io.tributary.routing.DatasetRouters;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.PathOverride;
import io.tributary.schema.SchemaPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The landing layer's settings: lake and error prefixes, decode limits, routing, the memory budget, Parquet, and
 * each dataset's settings (a key a dataset under {@code datasets.<name>} does not set comes from
 * {@code dataset-defaults}, else from its built-in default).
 */
final class LandingConfig {

  private final Config config;

  private LandingConfig(Config config) {
    this.config = config;
  }

  static LandingSettings settings(Config config, String instanceId) {
    return new LandingConfig(config).landingSettings(instanceId);
  }

  private LandingSettings landingSettings(String instanceId) {
    long budget = config.find(MEMORY_BUDGET).orElse((long) (Runtime.getRuntime().maxMemory() * 0.4));
    Map<String, DatasetLanding> perDataset = new HashMap<>();
    DatasetLanding defaults = datasetSettings(DatasetKeys.DEFAULTS_PREFIX);
    for (String name : config.names(DatasetKeys.DATASETS_PREFIX)) {
      String dataset = DatasetNames.sanitize(name);
      perDataset.put(dataset, datasetSettings(DatasetKeys.DATASETS_PREFIX + name + "."));
    }
    Function<String, DatasetLanding> datasets = dataset -> perDataset.getOrDefault(dataset, defaults);
    RollingPolicy errorRolling = new RollingPolicy(config.get(ERROR_MAX_AGE), RollingPolicy.DEFAULT_MAX_BYTES,
        RollingPolicy.DEFAULT_MAX_RECORDS);
    return new LandingSettings(config.get(LAKE_PREFIX), config.get(LAKE_ERROR_PREFIX), instanceId,
        new DecodeLimits(Math.toIntExact(config.get(LIMIT_RECORD_BYTES)), config.get(LIMIT_DEPTH)), router(),
        datasets, Granularity.fromConfig(config.get(ERROR_GRANULARITY)), errorRolling,
        WriteOptions.defaults().withCompression(Compression.fromConfig(config.get(PARQUET_COMPRESSION))), budget);
  }

  private DatasetLanding datasetSettings(String prefix) {
    SchemaPolicy policy = SchemaPolicy.fromConfig(value(prefix, DatasetKeys.POLICY));
    List<PathOverride> overrides = new ArrayList<>();
    List<String> timestamps = value(prefix, DatasetKeys.TIMESTAMP_FIELDS);
    for (String path : timestamps) {
      overrides.add(PathOverride.timestamp(path));
    }
    Map<String, String> pinned = value(prefix, DatasetKeys.OVERRIDES);
    pinned.forEach((path, type) -> overrides.add(named(prefix + DatasetKeys.OVERRIDES.name() + "." + path,
        () -> PathOverride.parse(path, type))));
    EvolutionSettings evolution = new EvolutionSettings(policy, value(prefix, DatasetKeys.MAX_COLUMNS), overrides,
        new EvolutionSettings.MapDetection(value(prefix, DatasetKeys.MAP_DETECTION),
            value(prefix, DatasetKeys.MAP_DETECTION_MIN_KEYS)));
    Optional<String> eventTimeField = find(prefix, DatasetKeys.EVENT_TIME_FIELD);
    PartitionSpec partitioning = named(prefix + DatasetKeys.EVENT_TIME_FIELD.name(), () -> PartitionSpec.fromConfig(
        eventTimeField.orElse(null), value(prefix, DatasetKeys.EVENT_TIME_FORMAT).toString().replace('-', '_'),
        value(prefix, DatasetKeys.GRANULARITY),
        value(prefix, DatasetKeys.PARTITION_FIELDS)));
    return new DatasetLanding(evolution, partitioning, new RollingPolicy(value(prefix, DatasetKeys.ROLLING_MAX_AGE),
        value(prefix, DatasetKeys.ROLLING_MAX_BYTES), value(prefix, DatasetKeys.ROLLING_MAX_RECORDS)));
  }

  /** A per-dataset key: the dataset's own value, else the one under dataset-defaults (else the built-in default). */
  private <T> T value(String prefix, ConfigKey<T> key) {
    return DatasetValues.value(config, prefix, key);
  }

  private <T> Optional<T> find(String prefix, ConfigKey<T> key) {
    return DatasetValues.find(config, prefix, key);
  }

  private DatasetRouter router() {
    Optional<String> fallback = config.find(ROUTING_FALLBACK);
    switch (config.get(ROUTING_MODE)) {
      case "field":
        String field = required(config, ROUTING_FIELD, "`" + ROUTING_MODE.name() + ": field` needs the field path "
            + "that names the dataset");
        return named(ROUTING_FIELD, () -> DatasetRouters.byField(field, fallback.orElse(null)));
      case "template":
        String template = required(config, ROUTING_TEMPLATE, "`" + ROUTING_MODE.name() + ": template` needs a "
            + "template such as {topic}_{type}");
        return named(ROUTING_TEMPLATE, () -> DatasetRouters.template(template, fallback.orElse(null)));
      default:
        return DatasetRouters.byStream();
    }
  }
}
