package io.tributary.source;

import io.tributary.landing.Landing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@link SourceContract} needs from a source adapter's test set-up: real streams on a real server, records
 * written by a producer that is not ours, and new instances of the adapter.
 */
public interface SourceHarness {

  /** One record as written: where it went and at which position. */
  record Sent(SourcePartition partition, String position) {
    /** The record's coordinates as {@code LakeCounts} names them. */
    public String coordinate() {
      return partition.stream() + "/" + partition.partition() + "/" + position;
    }
  }

  /**
   * Creates a stream (topic) with {@code partitions} partitions (shards), named from {@code prefix} uniquely.
   *
   * @return its name
   */
  String createStream(String prefix, int partitions);

  /** Writes {@code value} to the {@code partitionIndex}-th partition (from 0) of {@code stream}; blocks until acked. */
  Sent send(String stream, int partitionIndex, byte[] value);

  /** A new, not yet started, source instance of {@code group} reading {@code streams} into {@code landing}. */
  Source newSource(String group, List<String> streams, Landing landing, String instanceId);

  /** The last position {@code group} has checkpointed at the source for {@code partition} (inclusive). */
  Optional<String> committedThrough(String group, SourcePartition partition);

  /** How long a group may take to assign, rebalance and commit on this server. */
  default Duration patience() {
    return Duration.ofSeconds(60);
  }
}
