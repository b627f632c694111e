package io.tributary.source;

import java.util.Objects;

/**
 * The unit of ordering and of commits: a Kafka topic partition or a Kinesis shard.
 *
 * @param stream the topic or stream
 * @param partition the partition number or shard id
 */
public record SourcePartition(String stream, String partition) {
  public SourcePartition {
    Objects.requireNonNull(stream, "stream may not be null");
    Objects.requireNonNull(partition, "partition may not be null");
  }

  @Override
  public String toString() {
    return stream + "/" + partition;
  }
}
