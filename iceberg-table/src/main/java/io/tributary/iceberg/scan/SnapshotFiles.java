package io.tributary.iceberg.scan;

import java.util.List;
import java.util.Objects;

/**
 * The data files a scan of one table's current snapshot reads.
 *
 * @param dataset the dataset (the table's name in the namespace)
 * @param snapshotId the current snapshot's id; {@code -1} for a table with no snapshot yet (no files)
 * @param keys the data files' keys in the lake's store, each once, in the order Iceberg planned them
 */
public record SnapshotFiles(String dataset, long snapshotId, List<String> keys) {
  public SnapshotFiles {
    Objects.requireNonNull(dataset, "dataset may not be null");
    keys = List.copyOf(keys);
  }
}
