package io.tributary.iceberg.maintain;

import io.tributary.iceberg.IcebergTableFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.ValidationException;

/**
 * Expiry of the snapshots older than the retention, keeping what recovery needs.
 *
 * <p>{@link IcebergTableFormat} decides whether a ledger record is in a table by walking the current snapshot's
 * ancestry for the newest summary entry {@code tributary.<stream>/<partition>}; the walk ends at the first expired
 * ancestor. So before expiring, the entries whose newest carrier would be expired are carried forward: copied, as
 * they are, into the summary of one new snapshot that changes no data (an empty append), committed only if, on the
 * table state it commits on, each copied entry is still the newest of its partition (validated inside Iceberg's
 * commit, like the engine's appends). A partition that lands again later writes a newer entry above it; one that
 * never does (a closed Kinesis shard) keeps its entry in the carrier, which a later expiry carries again.
 */
final class SnapshotExpiry {
  private static final int MAX_ATTEMPTS = 10;

  private SnapshotExpiry() {}

  /** What an expiry did, or would do. */
  record Result(int expired, int carried) {}

  /** Expires the snapshots of {@code table} older than {@code cutoffMillis}; with {@code dryRun}, only counts. */
  static Result expire(Table table, long cutoffMillis, boolean dryRun) {
    for (int attempt = 1; ; attempt++) {
      table.refresh();
      Snapshot current = table.currentSnapshot();
      if (current == null) {
        return new Result(0, 0);
      }
      int expirable = (int) java.util.stream.StreamSupport.stream(table.snapshots().spliterator(), false)
          .filter(s -> s.snapshotId() != current.snapshotId() && s.timestampMillis() < cutoffMillis).count();
      if (expirable == 0) {
        return new Result(0, 0);
      }
      Map<String, String> carried = entriesToCarry(table, current, cutoffMillis);
      if (dryRun) {
        return new Result(expirable, carried.size());
      }
      try {
        if (!carried.isEmpty()) {
          carry(table, carried);
        }
      } catch (ValidationException e) {
        // A partition landed meanwhile: its entry moved up. Decide again from the new state.
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        continue;
      }
      Set<Long> before = ids(table);
      table.expireSnapshots().expireOlderThan(cutoffMillis).commit();
      table.refresh();
      before.removeAll(ids(table));
      return new Result(before.size(), carried.size());
    }
  }

  /**
   * The newest entry of each source partition whose carrier is at or below the first ancestor older than the
   * cutoff (the one the walk would stop at once it is expired), keyed by summary key.
   */
  static Map<String, String> entriesToCarry(Table table, Snapshot current, long cutoffMillis) {
    Map<String, String> carried = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    boolean beyond = false;
    for (Snapshot s = current; s != null; s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      beyond |= s.snapshotId() != current.snapshotId() && s.timestampMillis() < cutoffMillis;
      for (Map.Entry<String, String> entry : s.summary().entrySet()) {
        if (isPartitionEntry(entry.getKey()) && seen.add(entry.getKey()) && beyond) {
          carried.put(entry.getKey(), entry.getValue());
        }
      }
    }
    return carried;
  }

  private static boolean isPartitionEntry(String key) {
    return key.startsWith(IcebergTableFormat.SUMMARY_PREFIX) && key.indexOf('/') > 0;
  }

  private static void carry(Table table, Map<String, String> entries) {
    AppendFiles append = table.newFastAppend();
    entries.forEach(append::set);
    append.set(Compaction.SUMMARY, "carry " + entries.size() + " partition entries before expiry");
    Map<String, String> expected = new HashMap<>(entries);
    append.validateWith(ancestry -> {
      Map<String, String> newest = new HashMap<>();
      for (Snapshot s : ancestry) {
        for (String key : expected.keySet()) {
          String value = s.summary().get(key);
          if (value != null) {
            newest.putIfAbsent(key, value);
          }
        }
        if (newest.size() == expected.size()) {
          break;
        }
      }
      return newest.equals(expected);
    });
    append.commit();
  }

  private static Set<Long> ids(Table table) {
    Set<Long> ids = new HashSet<>();
    table.snapshots().forEach(s -> ids.add(s.snapshotId()));
    return ids;
  }

  /** The ancestry of the current snapshot, newest first (for tests and reports). */
  static List<Snapshot> ancestry(Table table) {
    List<Snapshot> out = new ArrayList<>();
    Snapshot current = table.currentSnapshot();
    for (Snapshot s = current; s != null; s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      out.add(s);
    }
    return out;
  }
}
