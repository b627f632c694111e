package io.tributary.source;

import java.util.Map;
import java.util.Objects;

/**
 * Lag per owned partition. Kafka knows records behind the log end; Kinesis knows milliseconds behind the newest
 * record. A source fills what it knows; a partition is absent until its first fetch says.
 *
 * @param recordsBehind records between the consumer's position and the end of the partition
 * @param millisBehind milliseconds between the last record fetched and the newest in the partition
 */
public record SourceLag(Map<SourcePartition, Long> recordsBehind, Map<SourcePartition, Long> millisBehind) {

  public SourceLag {
    recordsBehind = Map.copyOf(Objects.requireNonNull(recordsBehind, "recordsBehind may not be null"));
    millisBehind = Map.copyOf(Objects.requireNonNull(millisBehind, "millisBehind may not be null"));
  }

  /** No lag known. */
  public static SourceLag none() {
    return new SourceLag(Map.of(), Map.of());
  }

  /** Records behind over all partitions. */
  public long totalRecordsBehind() {
    return recordsBehind.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The largest milliseconds behind of any partition, 0 when none is known. */
  public long maxMillisBehind() {
    return millisBehind.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
