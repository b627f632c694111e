package io.tributary.kafka;

import io.tributary.commit.SourcePartition;
import io.tributary.source.SourceLag;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records behind the log end per owned partition, sampled by the stream threads, read by metrics. */
final class LagTracker {

  private final Map<SourcePartition, Long> recordsBehind = new ConcurrentHashMap<>();

  void update(SourcePartition partition, long behind) {
    recordsBehind.put(partition, behind);
  }

  void remove(SourcePartition partition) {
    recordsBehind.remove(partition);
  }

  SourceLag snapshot() {
    return new SourceLag(recordsBehind, Map.of());
  }
}
