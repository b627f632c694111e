package io.tributary.landing;

import io.tributary.buffer.MemoryBudget;
import io.tributary.buffer.RollReason;
import io.tributary.buffer.RowBuffer;
import io.tributary.commit.CommitRecord;
import io.tributary.source.SourcePartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source partitions this instance owns and what their buffers hold together: the bytes of memory (kept by the
 * buffers as they change) and the oldest buffered source time. Guarded by the {@link Landing} lock; the two totals
 * are also published in volatile fields for the gauges, which read them without the lock.
 */
final class AssignedPartitions {
  private final Map<SourcePartition, PartitionState> states = new LinkedHashMap<>();
  // Written under the lock, read by the gauges without it.
  private volatile long heldBytes;
  private volatile long oldestSourceMillis = Long.MAX_VALUE;

  /** The state of {@code source}, or null when it is not assigned. */
  PartitionState get(SourcePartition source) {
    return states.get(source);
  }

  /** Starts {@code source} afresh from its latest commit (null: none), forgetting what it buffered before. */
  void assign(SourcePartition source, CommitRecord latest) {
    remove(source);
    states.put(source, new PartitionState(source, latest, this::held));
  }

  /** Forgets {@code source} and its buffers; returns its state, or null when it was not assigned. */
  PartitionState remove(SourcePartition source) {
    PartitionState state = states.remove(source);
    if (state != null) {
      state.clear();
      rescanOldest();
    }
    return state;
  }

  List<SourcePartition> sources() {
    return List.copyOf(states.keySet());
  }

  List<PartitionState> all() {
    return new ArrayList<>(states.values());
  }

  /** Bytes of memory all buffers hold now. Takes no lock. */
  long heldBytes() {
    return heldBytes;
  }

  /** The oldest source time buffered, {@link Long#MAX_VALUE} when nothing is. Takes no lock. */
  long oldestSourceMillis() {
    return oldestSourceMillis;
  }

  /** A record with source time {@code sourceMillis} was buffered. */
  void buffered(long sourceMillis) {
    oldestSourceMillis = Math.min(oldestSourceMillis, sourceMillis);
  }

  /** Recomputes the oldest buffered source time after buffers were taken out, put back or forgotten. */
  void rescanOldest() {
    long oldest = Long.MAX_VALUE;
    for (PartitionState state : states.values()) {
      oldest = Math.min(oldest, state.oldestSourceMillis());
    }
    oldestSourceMillis = oldest;
  }

  /** The buffers the memory budget says to roll now, by partition: the largest, until the rest fit. */
  Map<PartitionState, Map<String, RollReason>> overBudget(MemoryBudget budget) {
    Map<BufferRef, RowBuffer> all = new HashMap<>();
    for (PartitionState state : states.values()) {
      state.openBuffers().forEach((folder, buffer) -> all.put(new BufferRef(state, folder), buffer));
    }
    Map<PartitionState, Map<String, RollReason>> victims = new LinkedHashMap<>();
    for (BufferRef ref : budget.victims(all)) {
      victims.computeIfAbsent(ref.state(), s -> new LinkedHashMap<>()).put(ref.folder(), RollReason.MEMORY);
    }
    return victims;
  }

  private void held(long delta) {
    heldBytes += delta;
  }

  /** A buffer of one partition, as the memory budget sees it. */
  private record BufferRef(PartitionState state, String folder) {}
}
