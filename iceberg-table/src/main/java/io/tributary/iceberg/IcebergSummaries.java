package io.tributary.iceberg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.commit.CommitRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * The durable state of a source partition in a table's snapshot summaries: under {@code tributary.<stream>/<partition>}
 * the JSON {@code {"seq":…,"watermark":…,"owner":…}} of the ledger record the snapshot applied. Stateless.
 */
final class IcebergSummaries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IcebergSummaries() {}

  /** The summary value of {@code record}. */
  static String value(CommitRecord record) {
    var node = JSON.createObjectNode().put("seq", record.seq());
    if (record.watermark() != null) {
      node.put("watermark", record.watermark().toString());
    }
    node.put("owner", record.owner());
    return node.toString();
  }

  /** The seq of the newest summary entry under {@code key} in the current snapshot's ancestry, 0 for none. */
  static long appliedSeq(Table table, String key) {
    List<Snapshot> ancestry = new ArrayList<>();
    for (Snapshot s = table.currentSnapshot(); s != null;
        s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      ancestry.add(s);
    }
    return appliedSeq(ancestry, key);
  }

  /** The seq of the newest summary entry under {@code key} in {@code ancestry} (newest first), 0 for none. */
  static long appliedSeq(Iterable<Snapshot> ancestry, String key) {
    for (Snapshot snapshot : ancestry) {
      String value = snapshot.summary().get(key);
      if (value != null) {
        return read(value, snapshot).path("seq").asLong();
      }
    }
    return 0;
  }

  /** The newest summary entry under {@code key} in the table's current ancestry, or empty. */
  static Optional<JsonNode> newest(Table table, String key) {
    for (Snapshot s = table.currentSnapshot(); s != null;
        s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      String value = s.summary().get(key);
      if (value != null) {
        return Optional.of(read(value, s));
      }
    }
    return Optional.empty();
  }

  private static JsonNode read(String value, Snapshot snapshot) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a snapshot summary of snapshot " + snapshot.snapshotId(), e);
    }
  }
}
