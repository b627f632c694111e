package io.tributary.deploy.settings;

import io.tributary.config.DatasetKeys;
import io.tributary.config.Durations;
import io.tributary.partition.PartitionSpec;
import io.tributary.routing.DatasetNames;
import java.time.Duration;
import java.util.List;

/**
 * A dataset (one table): its engine settings and its freshness SLA. Its Glue table is the engine's: created when its
 * first file is committed and updated as its schema grows, so no column is listed here.
 *
 * @param name the dataset as it lands ({@code <prefix>/<name>/...}): by default the topic or stream name made a
 *     valid name by the engine ({@code orders-v2} lands as {@code orders_v2}); also the Glue table's name
 * @param freshnessSla how old the newest committed data of this dataset may get: longer than {@code rolling.max-age},
 *     since a file commits at that age at the latest
 * @param rolling the engine's {@code rolling.*} keys for the dataset: {@code max-age} (default: the engine's)
 * @param granularity {@code hour} (default), {@code day}, {@code month} or {@code year}: the time partition keys
 * @param eventTimeField the dotted field path of the event time; null: the source timestamp
 * @param timestampFields dotted field paths written as timestamps
 * @param partitionFields dotted field paths added as partition keys after the time keys (projected as
 *     {@code injected}: queries must give their value)
 * @param policy {@code evolve} (default) or {@code strict}
 * @param expectDataWithin alarm when no row of this dataset is committed for this long; null for no such alarm
 * @param tableFormat {@code hive} or {@code iceberg}; null for the deployment's {@code table-format}
 */
public record DatasetConfig(String name, Duration freshnessSla, Rolling rolling, String granularity,
    String eventTimeField, List<String> timestampFields, List<String> partitionFields, String policy,
    Duration expectDataWithin, String tableFormat) {


  public DatasetConfig {
    Check.required(name, "datasets[].name");
    if (!DatasetNames.isValid(name)) {
      String landed;
      try {
        landed = "; a topic or stream '" + name + "' lands as '" + DatasetNames.sanitize(name) + "'";
      } catch (IllegalArgumentException e) {
        landed = "";
      }
      throw new IllegalArgumentException("datasets[].name: '" + name + "' is not a dataset name as the engine lands"
          + " it (lower case a-z 0-9 _, not starting with _ or a digit)" + landed);
    }
    String key = "datasets[" + name + "]";
    rolling = Check.orDefault(rolling, new Rolling(null));
    Duration rollingMaxAge = rolling.maxAge();
    Check.required(freshnessSla, key + ".freshness-sla");
    if (freshnessSla.compareTo(rollingMaxAge) <= 0) {
      throw new IllegalArgumentException(key + ".freshness-sla: " + Durations.text(freshnessSla) + " is not"
          + " allowed: longer than rolling.max-age " + Durations.text(rollingMaxAge) + " (a file commits at that age,"
          + " so a shorter SLA would always be missed)");
    }
    if (freshnessSla.compareTo(Duration.ofDays(1)) > 0 || freshnessSla.toSeconds() % 60 != 0) {
      throw new IllegalArgumentException(key + ".freshness-sla: whole minutes up to 1d");
    }
    granularity = Check.orDefault(granularity, "hour");
    timestampFields = List.copyOf(Check.orDefault(timestampFields, List.of()));
    partitionFields = List.copyOf(Check.orDefault(partitionFields, List.of()));
    try {
      PartitionSpec.fromConfig(eventTimeField, null, granularity, partitionFields);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage());
    }
    policy = Check.orDefault(policy, "evolve");
    if (!policy.equals("evolve") && !policy.equals("strict")) {
      throw new IllegalArgumentException(key + ".policy: '" + policy + "' is not allowed: evolve or strict");
    }
    if (expectDataWithin != null && (expectDataWithin.compareTo(Duration.ofMinutes(5)) < 0
        || expectDataWithin.compareTo(Duration.ofDays(1)) > 0 || expectDataWithin.toSeconds() % 300 != 0)) {
      throw new IllegalArgumentException(key + ".expect-data-within: a multiple of 5m from 5m to 1d");
    }
    if (tableFormat != null) {
      IcebergCatalogSettings.format(tableFormat, key + ".table-format");
    }
  }

  /**
   * When the dataset's files roll, as the engine's per-dataset {@code rolling.*} keys.
   *
   * @param maxAge the engine's {@code rolling.max-age}; null for its default
   */
  public record Rolling(Duration maxAge) {
    public Rolling {
      maxAge = Check.orDefault(maxAge, DatasetKeys.ROLLING_MAX_AGE.byDefault());
    }
  }

  /** The engine's {@code rolling.max-age} for this dataset. */
  public Duration rollingMaxAge() {
    return rolling.maxAge();
  }

  /** The partition layout the engine writes for this dataset. */
  public PartitionSpec partitionSpec() {
    return PartitionSpec.fromConfig(eventTimeField, null, granularity, partitionFields);
  }

}
