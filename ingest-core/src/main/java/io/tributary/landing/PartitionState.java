package io.tributary.landing;

import io.tributary.buffer.RollingPolicy;
import io.tributary.buffer.RowBuffer;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.DurableRange;
import io.tributary.commit.Positions;
import io.tributary.commit.SourcePartition;
import io.tributary.schema.DatasetSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One assigned source partition: its open buffers (one per folder: dataset + partition path, or error path), the
 * last record taken, and its latest commit, which says what is durable. Guarded by the {@link Landing} lock.
 */
final class PartitionState {
  final SourcePartition partition;
  CommitRecord latest;
  private String lastTaken;
  private final Map<String, Open> buffers = new LinkedHashMap<>();

  /** An open buffer and the policy that rolls it. */
  record Open(RowBuffer buffer, RollingPolicy rolling) {}

  /** A buffer taken out to become a file. */
  record Rolled(String folder, RowBuffer buffer, RollingPolicy rolling) {}

  PartitionState(SourcePartition partition, CommitRecord latest) {
    this.partition = partition;
    this.latest = latest;
  }

  boolean belowWatermark(String position) {
    return latest != null && Positions.atOrBefore(position, latest.watermark());
  }

  /** Whether {@code position} was taken already (buffered or durable): the source went back without a rebalance. */
  boolean alreadyTaken(String position) {
    return lastTaken != null && Positions.atOrBefore(position, lastTaken);
  }

  boolean isDurable(String folder, String position) {
    return latest != null && latest.isDurable(folder, position);
  }

  void took(String position) {
    if (lastTaken == null || Positions.compare(position, lastTaken) > 0) {
      lastTaken = position;
    }
  }

  /** Appends a row; returns how many bytes of memory that added. */
  long append(String folder, RollingPolicy rolling, DatasetSchema schema, Object[] row, String position,
      long sourceMillis, long now) {
    Open open = buffers.computeIfAbsent(folder, f -> new Open(new RowBuffer(now), rolling));
    long before = open.buffer().memoryBytes();
    open.buffer().append(schema, row, position, sourceMillis);
    return open.buffer().memoryBytes() - before;
  }

  /** The memory the folder's open buffer holds, 0 when none is open. */
  long memoryBytes(String folder) {
    Open open = buffers.get(folder);
    return open == null ? 0 : open.buffer().memoryBytes();
  }

  /** True when the folder's buffer reached its max bytes or records (age is checked by {@link #due}). */
  boolean dueBySize(String folder) {
    Open open = buffers.get(folder);
    return open != null && open.rolling().due(open.buffer(), open.buffer().openedAtMillis()).isPresent();
  }

  /** The folders whose buffers are due at {@code now}. */
  List<String> due(long now) {
    List<String> due = new ArrayList<>();
    buffers.forEach((folder, open) -> {
      if (open.rolling().due(open.buffer(), now).isPresent()) {
        due.add(folder);
      }
    });
    return due;
  }

  List<String> keys() {
    return List.copyOf(buffers.keySet());
  }

  long memoryBytes() {
    long held = 0;
    for (Open open : buffers.values()) {
      held += open.buffer().memoryBytes();
    }
    return held;
  }

  /** The smallest source timestamp buffered, {@link Long#MAX_VALUE} when nothing is. */
  long oldestSourceMillis() {
    long oldest = Long.MAX_VALUE;
    for (Open open : buffers.values()) {
      oldest = Math.min(oldest, open.buffer().oldestSourceMillis());
    }
    return oldest;
  }

  void collect(Map<Landing.BufferRef, RowBuffer> into) {
    buffers.forEach((folder, open) -> into.put(new Landing.BufferRef(this, folder), open.buffer()));
  }

  /** Takes the non-empty buffers of {@code folders} out, to become files. */
  List<Rolled> take(List<String> folders) {
    List<Rolled> rolled = new ArrayList<>();
    for (String folder : folders) {
      Open open = buffers.remove(folder);
      if (open != null && open.buffer().records() > 0) {
        rolled.add(new Rolled(folder, open.buffer(), open.rolling()));
      }
    }
    return rolled;
  }

  /** Puts buffers taken out for a flush that failed or lost back in place; returns the memory they hold. */
  long restore(List<Rolled> rolled) {
    long restored = 0;
    for (Rolled r : rolled) {
      if (buffers.putIfAbsent(r.folder(), new Open(r.buffer(), r.rolling())) != null) {
        throw new IllegalStateException("Cannot restore the buffer of " + r.folder() + ": it was reopened");
      }
      restored += r.buffer().memoryBytes();
    }
    return restored;
  }

  long nextSeq() {
    return latest == null ? 1 : latest.seq() + 1;
  }

  /**
   * Every position at or below the result is durable once the buffers taken out are committed: just before the
   * first record still buffered, or the last record taken when nothing is buffered.
   */
  String watermark() {
    String firstOpen = null;
    for (Open open : buffers.values()) {
      String first = open.buffer().firstPosition();
      if (first != null && (firstOpen == null || Positions.compare(first, firstOpen) < 0)) {
        firstOpen = first;
      }
    }
    if (firstOpen != null) {
      return Positions.before(firstOpen);
    }
    return lastTaken != null ? lastTaken : latest == null ? null : latest.watermark();
  }

  /** The durable ranges above the new watermark: the latest commit's and {@code added}. */
  List<DurableRange> aboveAfter(List<DurableRange> added) {
    String watermark = watermark();
    List<DurableRange> above = new ArrayList<>();
    List<DurableRange> all = new ArrayList<>(latest == null ? List.of() : latest.above());
    all.addAll(added);
    for (DurableRange range : all) {
      if (!Positions.atOrBefore(range.last(), watermark)) {
        above.add(range);
      }
    }
    return above;
  }

  void committed(CommitRecord record) {
    latest = record;
  }

  /**
   * Another instance committed first: keep only rows it did not make durable, in the open buffers and in those
   * taken out for the lost flush (which go back). Returns the change in buffered memory.
   */
  long lostTo(CommitRecord winner, List<Rolled> rolled) {
    latest = winner;
    long before = memoryBytes();
    restore(rolled);
    for (Map.Entry<String, Open> entry : new ArrayList<>(buffers.entrySet())) {
      Open open = entry.getValue();
      RowBuffer kept = new RowBuffer(open.buffer().openedAtMillis());
      copyNotDurable(entry.getKey(), open.buffer(), kept);
      if (kept.records() == 0) {
        buffers.remove(entry.getKey());
      } else {
        buffers.put(entry.getKey(), new Open(kept, open.rolling()));
      }
    }
    return memoryBytes() - before;
  }

  private void copyNotDurable(String folder, RowBuffer from, RowBuffer to) {
    Iterator<RowBuffer.BufferedRow> rows = from.rows();
    while (rows.hasNext()) {
      RowBuffer.BufferedRow row = rows.next();
      if (!latest.isDurable(folder, row.position())) {
        to.append(from.schema(), row.row(), row.position(), from.oldestSourceMillis());
      }
    }
  }
}
