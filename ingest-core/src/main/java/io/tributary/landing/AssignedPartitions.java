package io.tributary.landing;

import io.tributary.buffer.MemoryBudget;
import io.tributary.buffer.RollReason;
import io.tributary.commit.CommitRecord;
import io.tributary.source.SourcePartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The source partitions this instance owns and what their buffers hold together: the bytes of memory (kept by the
 * buffers as they change) and the oldest buffered source time. Thread-safe without a lock of its own: the map of
 * partitions is concurrent, so the look-up every record makes never waits for another stream thread; the memory
 * total is an atomic counter every partition adds to under its own lock; the gauges read both without waiting for
 * any partition.
 */
final class AssignedPartitions {
  private final Map<SourcePartition, PartitionState> states = new ConcurrentHashMap<>();
  private final AtomicLong heldBytes = new AtomicLong();

  /** The state of {@code source}, or null when it is not assigned. */
  PartitionState get(SourcePartition source) {
    return states.get(source);
  }

  /**
   * Starts {@code source} afresh from its latest commit (null: none). The state it replaces, if any, is the
   * caller's to {@link PartitionState#clear} under that state's lock.
   */
  PartitionState assign(SourcePartition source, CommitRecord latest) {
    PartitionState state = new PartitionState(source, latest, heldBytes::addAndGet);
    states.put(source, state);
    return state;
  }

  /**
   * Forgets {@code state} and its buffers, unless its partition was assigned afresh meanwhile. The caller holds
   * the state's lock.
   */
  void remove(PartitionState state) {
    states.remove(state.source(), state);
    state.clear();
  }

  List<SourcePartition> sources() {
    return List.copyOf(states.keySet());
  }

  List<PartitionState> all() {
    return new ArrayList<>(states.values());
  }

  /** Bytes of memory all buffers hold now. Takes no lock. */
  long heldBytes() {
    return heldBytes.get();
  }

  /** The oldest source time buffered, {@link Long#MAX_VALUE} when nothing is. Takes no partition's lock. */
  long oldestSourceMillis() {
    long oldest = Long.MAX_VALUE;
    for (PartitionState state : all()) {
      oldest = Math.min(oldest, state.oldestSourceMillis());
    }
    return oldest;
  }

  /**
   * The buffers the memory budget says to roll now, by partition: the largest, until the rest fit. The caller
   * holds no partition's lock: each partition is looked at under its own lock, one at a time. Without
   * {@code waitForBusy}, partitions another thread holds (appending, or flushing while the store is down) are
   * skipped, their memory counted but not chosen; with it, each is waited for.
   */
  Map<PartitionState, Map<String, RollReason>> overBudget(MemoryBudget budget, boolean waitForBusy) {
    Map<BufferRef, MemoryBudget.Held> candidates = new HashMap<>();
    for (PartitionState state : all()) {
      if (waitForBusy) {
        state.lock();
      } else if (!state.tryLock()) {
        continue;
      }
      try {
        if (state.assigned()) {
          state.held().forEach((folder, held) -> candidates.put(new BufferRef(state, folder), held));
        }
      } finally {
        state.unlock();
      }
    }
    Map<PartitionState, Map<String, RollReason>> victims = new LinkedHashMap<>();
    for (BufferRef ref : budget.victims(candidates, heldBytes())) {
      victims.computeIfAbsent(ref.state(), s -> new LinkedHashMap<>()).put(ref.folder(), RollReason.MEMORY);
    }
    return victims;
  }

  /** A buffer of one partition, as the memory budget sees it. */
  private record BufferRef(PartitionState state, String folder) {}
}
