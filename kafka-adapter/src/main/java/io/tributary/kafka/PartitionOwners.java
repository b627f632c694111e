package io.tributary.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * Which stream thread's consumer owns each partition in this process, and how many releases failed. The landing
 * layer is one per process while Kafka assigns partitions per thread: a thread fenced out of the group must not
 * drop or revoke a partition a sibling thread has been assigned since.
 */
final class PartitionOwners {

  private final Map<TopicPartition, Object> owners = new ConcurrentHashMap<>();
  private final AtomicInteger failedReleases = new AtomicInteger();

  void assigned(TopicPartition tp, Object consumer) {
    owners.put(tp, consumer);
  }

  /** Ends {@code consumer}'s ownership; false when another thread owns the partition now. */
  boolean release(TopicPartition tp, Object consumer) {
    return owners.remove(tp, consumer);
  }

  void failedRelease() {
    failedReleases.incrementAndGet();
  }

  int failedReleases() {
    return failedReleases.get();
  }
}
