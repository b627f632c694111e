package io.tributary.partition;

import io.tributary.error.ErrorType;
import java.util.Objects;

/**
 * Where one record goes, or why it cannot be placed. Partitioning never throws for a bad record: a {@link Failed}
 * record becomes an error row and the pipeline goes on.
 */
public sealed interface PartitionResult permits PartitionResult.Partitioned, PartitionResult.Failed {

  /**
   * The record's partition.
   *
   * @param path the partition path under the dataset's prefix ({@code year=2026/month=03/day=07/hour=06/region=eu}):
   *     relative, every segment a valid object key segment
   * @param eventTimeMicros the event time the time keys were taken from, in microseconds since the epoch (UTC)
   */
  record Partitioned(String path, long eventTimeMicros) implements PartitionResult {
    public Partitioned {
      Objects.requireNonNull(path, "path may not be null");
      if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
        throw new IllegalArgumentException("Invalid partition path: '" + path
            + "': must be non-empty and may not start or end with '/'");
      }
    }
  }

  /**
   * The record cannot be placed.
   *
   * @param type the error type of its error row
   * @param reason why, in words for the error row; never blank
   */
  record Failed(ErrorType type, String reason) implements PartitionResult {
    public Failed {
      Objects.requireNonNull(type, "type may not be null");
      Objects.requireNonNull(reason, "reason may not be null");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("Invalid partition failure: reason may not be blank");
      }
    }
  }
}
