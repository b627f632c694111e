package io.tributary.kafka;

import io.tributary.landing.Landing;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides which offsets one main consumer may commit: never past a record the landing layer has not made
 * durable. Kafka Streams asks to commit what it has processed; the gate lowers each offset to the partition's
 * checkpoint plus one and leaves out partitions with nothing durable. It also finds the partitions whose durable
 * offset moved past what was last committed, so commits follow flushes even when no new records arrive.
 *
 * <p>Used by one stream thread only (the one that owns the consumer), like the consumer itself.
 */
final class CommitGate {

  private final Landing landing;
  /** Checkpoints of partitions just given up, kept until Kafka Streams' own revocation commit has used them. */
  private final Map<TopicPartition, Long> released = new HashMap<>();
  /** The highest offset committed per partition through this gate. */
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  CommitGate(Landing landing) {
    this.landing = landing;
  }

  /** The committable part of {@code requested}: each offset at most the durable one, nothing already committed. */
  Map<TopicPartition, OffsetAndMetadata> clamp(Map<TopicPartition, OffsetAndMetadata> requested) {
    Map<TopicPartition, OffsetAndMetadata> allowed = new LinkedHashMap<>();
    requested.forEach((tp, wanted) -> durable(tp).ifPresent(durable -> {
      OffsetAndMetadata offset = wanted.offset() <= durable ? wanted
          : new OffsetAndMetadata(durable, Optional.empty(), wanted.metadata());
      if (offset.offset() > committed.getOrDefault(tp, -1L)) {
        allowed.put(tp, offset);
      }
    }));
    return allowed;
  }

  /** The partitions of {@code assignment} whose durable offset is past the last one committed. */
  Map<TopicPartition, OffsetAndMetadata> advanced(Collection<TopicPartition> assignment) {
    Map<TopicPartition, OffsetAndMetadata> advanced = new LinkedHashMap<>();
    for (TopicPartition tp : assignment) {
      durable(tp).filter(durable -> durable > committed.getOrDefault(tp, -1L))
          .ifPresent(durable -> advanced.put(tp, new OffsetAndMetadata(durable)));
    }
    return advanced;
  }

  /** Records that {@code offsets} were committed. */
  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((tp, offset) -> committed.merge(tp, offset.offset(), Math::max));
  }

  /** Remembers the last checkpoint of a partition given up, for the commit that follows the revocation. */
  void release(TopicPartition tp, Optional<String> checkpoint) {
    KafkaRecords.nextOffset(checkpoint).ifPresent(offset -> released.put(tp, offset));
  }

  /** Forgets a partition this consumer no longer owns. */
  void forget(TopicPartition tp) {
    released.remove(tp);
    committed.remove(tp);
  }

  private Optional<Long> durable(TopicPartition tp) {
    Optional<Long> owned = KafkaRecords.nextOffset(landing.checkpoint(KafkaRecords.partitionOf(tp)));
    return owned.isPresent() ? owned : Optional.ofNullable(released.get(tp));
  }
}
