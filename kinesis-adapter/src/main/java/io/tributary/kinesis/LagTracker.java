package io.tributary.kinesis;

import io.tributary.commit.SourcePartition;
import io.tributary.source.SourceLag;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Milliseconds behind the newest record per owned shard, from each read's {@code millisBehindLatest}. */
final class LagTracker {

  private final Map<SourcePartition, Long> millisBehind = new ConcurrentHashMap<>();

  void update(SourcePartition shard, Long behind) {
    if (behind != null) {
      millisBehind.put(shard, behind);
    }
  }

  void remove(SourcePartition shard) {
    millisBehind.remove(shard);
  }

  /** Kinesis does not say how many records are behind: only milliseconds are reported. */
  SourceLag snapshot() {
    return new SourceLag(Map.of(), millisBehind);
  }
}
