package io.tributary.kafka;

import io.tributary.source.LagTracker;
import io.tributary.source.SourceLanding;
import io.tributary.source.SourcePartition;
import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka Streams' rebalance listener with the landing layer's part around it: a partition given up is rolled and
 * committed first (so Kafka Streams' revocation commit can move its offset to everything taken), a partition lost
 * is dropped without writing (its successor replays it), a partition gained is recovered from the ledger and,
 * when the group has no offset for it yet, gets one at once (see {@link GatedConsumer#pinStartPositions}). Only the
 * thread that owns a partition in this process acts on it in the landing layer ({@link PartitionOwners}).
 */
final class GatedRebalanceListener implements ConsumerRebalanceListener {

  private final ConsumerRebalanceListener streams;
  private final GatedConsumer consumer;
  private final SourceLanding landing;
  private final CommitGate gate;
  private final LagTracker lag;
  private final PartitionOwners owners;

  GatedRebalanceListener(ConsumerRebalanceListener streams, GatedConsumer consumer, SourceLanding landing,
      CommitGate gate, LagTracker lag, PartitionOwners owners) {
    this.streams = streams;
    this.consumer = consumer;
    this.landing = landing;
    this.gate = gate;
    this.lag = lag;
    this.owners = owners;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    try {
      for (TopicPartition tp : partitions) {
        if (owners.release(tp, consumer)) {
          SourcePartition partition = KafkaRecords.partitionOf(tp);
          lag.remove(partition);
          gate.release(tp, landing.revoke(partition));
        }
      }
    } finally {
      // Kafka Streams' part runs even if a roll failed: without it a closing consumer would not leave the group.
      try {
        streams.onPartitionsRevoked(partitions);
      } finally {
        partitions.forEach(gate::forget);
      }
    }
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      if (owners.release(tp, consumer)) {
        SourcePartition partition = KafkaRecords.partitionOf(tp);
        landing.drop(partition);
        lag.remove(partition);
      }
      gate.forget(tp);
    }
    streams.onPartitionsLost(partitions);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      owners.assigned(tp, consumer);
      landing.assign(KafkaRecords.partitionOf(tp));
    }
    streams.onPartitionsAssigned(partitions);
    consumer.pinStartPositions(partitions);
  }
}
