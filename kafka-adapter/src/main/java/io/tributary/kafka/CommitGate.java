package io.tributary.kafka;

import io.tributary.source.DurableCheckpoint;
import io.tributary.source.Position;
import io.tributary.source.SourceLanding;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides which offsets one main consumer may commit, by the landing layer's one rule ({@link DurableCheckpoint}):
 * never past a record the landing layer has not made durable, never back. Kafka Streams asks to commit what it has
 * processed; the gate lowers each offset to the partition's checkpoint plus one and leaves out partitions with
 * nothing durable. It also finds the partitions whose durable offset moved past what was last committed, so commits
 * follow flushes even when no new records arrive. Offsets are Kafka's "next to read", checkpoints included.
 *
 * <p>Used by one stream thread only (the one that owns the consumer), like the consumer itself.
 */
final class CommitGate {

  private final SourceLanding landing;
  /** Checkpoints (next offsets) of partitions just given up, kept until Kafka Streams' revocation commit used them. */
  private final Map<TopicPartition, Position> released = new HashMap<>();
  /** What was committed per partition through this gate. */
  private final Map<TopicPartition, DurableCheckpoint> committed = new HashMap<>();

  CommitGate(SourceLanding landing) {
    this.landing = landing;
  }

  /** The committable part of {@code requested}: each offset at most the durable one, nothing already committed. */
  Map<TopicPartition, OffsetAndMetadata> clamp(Map<TopicPartition, OffsetAndMetadata> requested) {
    Map<TopicPartition, OffsetAndMetadata> allowed = new LinkedHashMap<>();
    requested.forEach((tp, wanted) -> checkpoint(tp).next(durable(tp), Position.of(wanted.offset()))
        .ifPresent(offset -> allowed.put(tp, offset.toLong() == wanted.offset() ? wanted
            : new OffsetAndMetadata(offset.toLong(), Optional.empty(), wanted.metadata()))));
    return allowed;
  }

  /** The partitions of {@code assignment} whose durable offset is past the last one committed. */
  Map<TopicPartition, OffsetAndMetadata> advanced(Collection<TopicPartition> assignment) {
    Map<TopicPartition, OffsetAndMetadata> advanced = new LinkedHashMap<>();
    for (TopicPartition tp : assignment) {
      checkpoint(tp).next(durable(tp), null)
          .ifPresent(offset -> advanced.put(tp, new OffsetAndMetadata(offset.toLong())));
    }
    return advanced;
  }

  /** Records that {@code offsets} were committed. */
  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((tp, offset) -> checkpoint(tp).done(Position.of(offset.offset())));
  }

  /** Remembers the last checkpoint of a partition given up, for the commit that follows the revocation. */
  void release(TopicPartition tp, Optional<Position> checkpoint) {
    KafkaRecords.nextOffset(checkpoint).ifPresent(offset -> released.put(tp, offset));
  }

  /** Forgets a partition this consumer no longer owns. */
  void forget(TopicPartition tp) {
    released.remove(tp);
    committed.remove(tp);
  }

  private DurableCheckpoint checkpoint(TopicPartition tp) {
    return committed.computeIfAbsent(tp, t -> new DurableCheckpoint(null));
  }

  private Optional<Position> durable(TopicPartition tp) {
    Optional<Position> owned = KafkaRecords.nextOffset(landing.checkpoint(KafkaRecords.partitionOf(tp)));
    return owned.isPresent() ? owned : Optional.ofNullable(released.get(tp));
  }
}
