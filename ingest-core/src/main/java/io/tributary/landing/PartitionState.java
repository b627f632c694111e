package io.tributary.landing;

import io.tributary.buffer.MemoryBudget;
import io.tributary.buffer.RollReason;
import io.tributary.buffer.RollingPolicy;
import io.tributary.buffer.RowBuffer;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.DurableRange;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.FittedRow;
import io.tributary.schema.MetadataColumns;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * One assigned source partition: its open buffers (one per folder: dataset + Hive partition path, or error path), the
 * last record taken, and its latest commit, which says what is durable. Every change to the memory its buffers hold
 * is reported to {@code memory} as it happens, so the total is always known without summing.
 *
 * <p>Guarded by its own lock ({@link #lock}): the {@link Landing} holds it for everything it does to this partition,
 * a flush's encode and upload included, and never holds two partitions' locks at once. {@link #latest} and
 * {@link #oldestSourceMillis} are also published in volatile fields, read without the lock (checkpoints, the
 * freshness gauge).
 */
final class PartitionState {
  private final SourcePartition source;
  private final LongConsumer memory;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Open> buffers = new LinkedHashMap<>();
  private volatile CommitRecord latest;
  private volatile boolean assigned = true;
  private volatile long oldestSourceMillis = Long.MAX_VALUE;
  private Position lastTaken;

  /** An open buffer and the policy that rolls it. */
  private record Open(RowBuffer buffer, RollingPolicy rolling) {}

  /** A buffer taken out to become a file, and why. */
  record Rolled(String folder, RowBuffer buffer, RollingPolicy rolling, RollReason reason) {}

  /**
   * @param latest the partition's latest commit, null when it has none
   * @param memory told every change in the bytes of memory the buffers hold
   */
  PartitionState(SourcePartition source, CommitRecord latest, LongConsumer memory) {
    this.source = source;
    this.latest = latest;
    this.memory = memory;
  }

  SourcePartition source() {
    return source;
  }

  void lock() {
    lock.lock();
  }

  /** Takes the lock if no other thread holds it; true when taken. */
  boolean tryLock() {
    return lock.tryLock();
  }

  void unlock() {
    lock.unlock();
  }

  /** False once the partition was revoked, dropped or assigned afresh: its state is no longer the landing's. */
  boolean assigned() {
    return assigned;
  }

  /** The latest commit, empty when there is none. */
  Optional<CommitRecord> latest() {
    return Optional.ofNullable(latest);
  }

  /**
   * True when {@code position} was taken already since the assignment (buffered or durable) or is at or below the
   * durable watermark: a replay.
   */
  boolean seen(Position position) {
    return latest != null && position.atOrBefore(latest.watermark()) || position.atOrBefore(lastTaken);
  }

  boolean isDurable(String folder, Position position) {
    return latest != null && latest.isDurable(folder, position);
  }

  void took(Position position) {
    lastTaken = Position.max(lastTaken, position);
  }

  /**
   * Appends a row and its event time to the folder's buffer, opening it at {@code now} if needed.
   *
   * @param row the row as objects, shaped for {@code schema}; null when {@code fitted} is given
   * @param fitted the row left in its event's tape, or null
   * @param waiting true when the row holds values waiting for their column's type
   */
  void append(String folder, RollingPolicy rolling, DatasetSchema schema, Object[] row, FittedRow fitted,
      Position position, long sourceMillis, long eventTimeMicros, boolean waiting, long now) {
    Open open = buffers.get(folder);
    if (open == null) {
      open = new Open(new RowBuffer(now), rolling);
      buffers.put(folder, open);
    }
    long before = open.buffer().memoryBytes();
    if (fitted != null) {
      open.buffer().append(fitted, position, sourceMillis, eventTimeMicros);
    } else {
      open.buffer().append(schema, row, position, sourceMillis, eventTimeMicros, waiting);
    }
    memory.accept(open.buffer().memoryBytes() - before);
    if (sourceMillis < oldestSourceMillis) {
      oldestSourceMillis = sourceMillis;
    }
  }

  /** The memory the folder's open buffer holds, 0 when none is open. */
  long memoryBytes(String folder) {
    Open open = buffers.get(folder);
    return open == null ? 0 : open.buffer().memoryBytes();
  }

  /** Why the folder's buffer must roll now by its size (bytes or records; age is checked by {@link #due}). */
  Optional<RollReason> dueBySize(String folder) {
    Open open = buffers.get(folder);
    return open == null ? Optional.empty() : open.rolling().due(open.buffer(), open.buffer().openedAtMillis());
  }

  /** The folders whose buffers are due at {@code now}, with why. */
  Map<String, RollReason> due(long now) {
    Map<String, RollReason> due = new LinkedHashMap<>();
    buffers.forEach((folder, open) -> open.rolling().due(open.buffer(), now).ifPresent(r -> due.put(folder, r)));
    return due;
  }

  /** Every open folder, rolling for {@code reason}. */
  Map<String, RollReason> all(RollReason reason) {
    Map<String, RollReason> all = new LinkedHashMap<>();
    buffers.keySet().forEach(folder -> all.put(folder, reason));
    return all;
  }

  /** What the open buffers hold now, by folder, as the memory budget sees them: a copy. */
  Map<String, MemoryBudget.Held> held() {
    Map<String, MemoryBudget.Held> held = new LinkedHashMap<>();
    buffers.forEach((folder, o) -> held.put(folder, MemoryBudget.Held.of(o.buffer())));
    return held;
  }

  /** Forgets every buffer for good: the partition is revoked, dropped or assigned again. */
  void clear() {
    assigned = false;
    memory.accept(-memoryBytes());
    buffers.clear();
    rescanOldest();
  }

  /** The smallest source timestamp buffered, {@link Long#MAX_VALUE} when nothing is. Takes no lock. */
  long oldestSourceMillis() {
    return oldestSourceMillis;
  }

  /** Recomputes the oldest buffered source time after buffers were taken out, put back or forgotten. */
  private void rescanOldest() {
    long oldest = Long.MAX_VALUE;
    for (Open open : buffers.values()) {
      oldest = Math.min(oldest, open.buffer().oldestSourceMillis());
    }
    oldestSourceMillis = oldest;
  }

  /** Takes the non-empty buffers of {@code folders} out, to become files. */
  List<Rolled> take(Map<String, RollReason> folders) {
    List<Rolled> rolled = new ArrayList<>();
    folders.forEach((folder, reason) -> {
      Open open = buffers.remove(folder);
      if (open != null) {
        memory.accept(-open.buffer().memoryBytes());
        if (open.buffer().records() > 0) {
          rolled.add(new Rolled(folder, open.buffer(), open.rolling(), reason));
        }
      }
    });
    // The oldest source time stays until the flush commits (committed) or the rows go back (restore, lostTo).
    return rolled;
  }

  /** Puts buffers taken out for a flush that failed or lost back in place. */
  void restore(List<Rolled> rolled) {
    for (Rolled r : rolled) {
      if (buffers.putIfAbsent(r.folder(), new Open(r.buffer(), r.rolling())) != null) {
        throw new IllegalStateException("Cannot restore the buffer of " + r.folder() + ": it was reopened");
      }
      memory.accept(r.buffer().memoryBytes());
    }
    rescanOldest();
  }

  long nextSeq() {
    return latest == null ? 1 : latest.seq() + 1;
  }

  /**
   * Every position at or below the result is durable once the buffers taken out are committed: just before the
   * first record still buffered, or the last record taken when nothing is buffered.
   */
  Position watermark() {
    Position firstOpen = null;
    for (Open open : buffers.values()) {
      Position first = open.buffer().firstPosition();
      if (first != null && (firstOpen == null || first.compareTo(firstOpen) < 0)) {
        firstOpen = first;
      }
    }
    if (firstOpen != null) {
      return firstOpen.before();
    }
    return lastTaken != null ? lastTaken : latest == null ? null : latest.watermark();
  }

  /** The durable ranges above {@code watermark}: the latest commit's and {@code added}. */
  List<DurableRange> above(Position watermark, List<DurableRange> added) {
    List<DurableRange> above = new ArrayList<>();
    List<DurableRange> all = new ArrayList<>(latest == null ? List.of() : latest.above());
    all.addAll(added);
    for (DurableRange range : all) {
      if (!range.last().atOrBefore(watermark)) {
        above.add(range);
      }
    }
    return above;
  }

  void committed(CommitRecord record) {
    latest = record;
    rescanOldest();
  }

  /**
   * Another instance committed first: keep only rows it did not make durable, in the open buffers and in those
   * taken out for the lost flush (which go back).
   */
  void lostTo(CommitRecord winner, List<Rolled> rolled) {
    latest = winner;
    restore(rolled);
    for (Map.Entry<String, Open> entry : new ArrayList<>(buffers.entrySet())) {
      Open open = entry.getValue();
      RowBuffer kept = new RowBuffer(open.buffer().openedAtMillis());
      copyNotDurable(entry.getKey(), open.buffer(), kept);
      memory.accept(kept.memoryBytes() - open.buffer().memoryBytes());
      if (kept.records() == 0) {
        buffers.remove(entry.getKey());
      } else {
        buffers.put(entry.getKey(), new Open(kept, open.rolling()));
      }
    }
    rescanOldest();
  }

  private long memoryBytes() {
    long held = 0;
    for (Open open : buffers.values()) {
      held += open.buffer().memoryBytes();
    }
    return held;
  }

  private void copyNotDurable(String folder, RowBuffer from, RowBuffer to) {
    Iterator<RowBuffer.BufferedRow> rows = from.rows();
    long[] eventTimes = from.eventTimes();
    for (int i = 0; rows.hasNext(); i++) {
      RowBuffer.BufferedRow row = rows.next();
      if (!latest.isDurable(folder, row.position())) {
        // Which rows wait is not kept row by row: any row with a _rescued value may, if the buffer had one.
        boolean waiting = from.waitingRows() > 0 && row.row()[MetadataColumns.RESCUED_INDEX] != null;
        to.append(from.schema(), row.row(), row.position(), from.oldestSourceMillis(), eventTimes[i], waiting);
      }
    }
  }
}
