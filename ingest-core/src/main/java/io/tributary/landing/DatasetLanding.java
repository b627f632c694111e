package io.tributary.landing;

import io.tributary.buffer.RollingPolicy;
import io.tributary.partition.PartitionSpec;
import io.tributary.schema.EvolutionSettings;
import java.util.Objects;

/**
 * How one dataset lands: its schema evolution, its partition layout (the Hive partition path of each row) and when
 * its files roll.
 */
public record DatasetLanding(EvolutionSettings evolution, PartitionSpec partitioning, RollingPolicy rolling) {
  public DatasetLanding {
    Objects.requireNonNull(evolution, "evolution may not be null");
    Objects.requireNonNull(partitioning, "partitioning may not be null");
    Objects.requireNonNull(rolling, "rolling may not be null");
  }

  /** Evolve, hourly partitions by source time, 5-minute / 128 MiB files. */
  public static DatasetLanding defaults() {
    return new DatasetLanding(EvolutionSettings.defaults(), PartitionSpec.defaults(), RollingPolicy.defaults());
  }
}
