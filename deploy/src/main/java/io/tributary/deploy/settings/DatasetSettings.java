package io.tributary.deploy.settings;

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
 * @param freshnessSla how old the newest committed data of this dataset may get: longer than {@code rollingMaxAge},
 *     since a file commits at that age at the latest
 * @param rollingMaxAge the engine's {@code rolling.max-age} for the dataset (default 5m)
 * @param granularity {@code hour} (default), {@code day}, {@code month} or {@code year}: the time partition keys
 * @param eventTimeField the dotted field path of the event time; null: the source timestamp
 * @param timestampFields dotted field paths written as timestamps
 * @param partitionFields dotted field paths added as partition keys after the time keys (projected as
 *     {@code injected}: queries must give their value)
 * @param policy {@code evolve} (default) or {@code strict}
 * @param expectDataWithin alarm when no row of this dataset is committed for this long; null for no such alarm
 */
public record DatasetSettings(String name, Duration freshnessSla, Duration rollingMaxAge, String granularity,
    String eventTimeField, List<String> timestampFields, List<String> partitionFields, String policy,
    Duration expectDataWithin) {


  public DatasetSettings {
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
    rollingMaxAge = Check.orDefault(rollingMaxAge, Duration.ofMinutes(5));
    Check.required(freshnessSla, key + ".freshnessSla");
    if (freshnessSla.compareTo(rollingMaxAge) <= 0) {
      throw new IllegalArgumentException(key + ".freshnessSla: " + DurationText.text(freshnessSla) + " is not"
          + " allowed: longer than rollingMaxAge " + DurationText.text(rollingMaxAge) + " (a file commits at that age,"
          + " so a shorter SLA would always be missed)");
    }
    if (freshnessSla.compareTo(Duration.ofDays(1)) > 0 || freshnessSla.toSeconds() % 60 != 0) {
      throw new IllegalArgumentException(key + ".freshnessSla: whole minutes up to 1d");
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
      throw new IllegalArgumentException(key + ".expectDataWithin: a multiple of 5m from 5m to 1d");
    }
  }

  /** The partition layout the engine writes for this dataset. */
  public PartitionSpec partitionSpec() {
    return PartitionSpec.fromConfig(eventTimeField, null, granularity, partitionFields);
  }

}
