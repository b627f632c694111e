package io.tributary.kafka;

import io.tributary.commit.SourcePartition;
import io.tributary.landing.Landing;
import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka Streams' rebalance listener with the landing layer's part around it: a partition given up is rolled and
 * committed first (so Kafka Streams' revocation commit can move its offset to everything taken), a partition lost
 * is dropped without writing (its successor replays it), a partition gained is recovered from the ledger.
 */
final class GatedRebalanceListener implements ConsumerRebalanceListener {

  private final ConsumerRebalanceListener streams;
  private final Landing landing;
  private final CommitGate gate;
  private final LagTracker lag;

  GatedRebalanceListener(ConsumerRebalanceListener streams, Landing landing, CommitGate gate, LagTracker lag) {
    this.streams = streams;
    this.landing = landing;
    this.gate = gate;
    this.lag = lag;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      SourcePartition partition = KafkaRecords.partitionOf(tp);
      gate.release(tp, landing.revoke(partition));
      lag.remove(partition);
    }
    try {
      streams.onPartitionsRevoked(partitions);
    } finally {
      partitions.forEach(gate::forget);
    }
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      SourcePartition partition = KafkaRecords.partitionOf(tp);
      landing.drop(partition);
      lag.remove(partition);
      gate.forget(tp);
    }
    streams.onPartitionsLost(partitions);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      landing.assign(KafkaRecords.partitionOf(tp));
    }
    streams.onPartitionsAssigned(partitions);
  }
}
