package io.tributary.landing;

import io.tributary.buffer.RollingPolicy;
import io.tributary.decode.DecodeLimits;
import io.tributary.parquet.WriteOptions;
import io.tributary.partition.Granularity;
import io.tributary.routing.DatasetRouter;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the landing layer needs to know, already validated by whoever read the config.
 *
 * @param prefix the key prefix of data files and internal state (may be empty)
 * @param errorPrefix the key prefix of error files
 * @param instanceId this instance, recorded in schema versions and commits
 * @param limits decoder limits
 * @param router picks each record's dataset
 * @param datasets the settings of each dataset
 * @param errorGranularity the time keys of error files
 * @param errorRolling when error files roll
 * @param parquet file encoding
 * @param memoryBudgetBytes the most memory all buffers may hold together
 */
public record LandingSettings(String prefix, String errorPrefix, String instanceId, DecodeLimits limits,
    DatasetRouter router, Function<String, DatasetLanding> datasets, Granularity errorGranularity,
    RollingPolicy errorRolling, WriteOptions parquet, long memoryBudgetBytes) {

  public LandingSettings {
    Objects.requireNonNull(prefix, "prefix may not be null");
    Objects.requireNonNull(errorPrefix, "errorPrefix may not be null");
    Objects.requireNonNull(instanceId, "instanceId may not be null");
    Objects.requireNonNull(limits, "limits may not be null");
    Objects.requireNonNull(router, "router may not be null");
    Objects.requireNonNull(datasets, "datasets may not be null");
    Objects.requireNonNull(errorGranularity, "errorGranularity may not be null");
    Objects.requireNonNull(errorRolling, "errorRolling may not be null");
    Objects.requireNonNull(parquet, "parquet may not be null");
    if (memoryBudgetBytes < 1) {
      throw new IllegalArgumentException("Invalid memory budget " + memoryBudgetBytes + ": must be positive");
    }
  }
}
