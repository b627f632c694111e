package io.tributary.iceberg.maintain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one maintenance run did to one table (or, with {@code dryRun}, would do).
 *
 * @param dataset the table's dataset
 * @param dataFilesBefore data files of the table before the run
 * @param dataFilesAfter data files after it
 * @param partitions the compacted partitions, with their file counts before and after
 * @param bytesRewritten bytes of the small files replaced
 * @param bytesWritten bytes of the files that replaced them
 * @param conflicts partitions whose rewrite lost to a concurrent change and was given up (nothing changed)
 * @param manifestsBefore data manifests of the current snapshot before the manifest rewrite
 * @param manifestsAfter and after it
 * @param snapshotsExpired snapshots expired
 * @param entriesCarried source partitions whose durable state was carried forward before expiry
 * @param orphansFound unreferenced files under the table's folders
 * @param orphansRemoved those deleted
 * @param duration how long the run took
 */
public record MaintenanceReport(String dataset, boolean dryRun, long dataFilesBefore, long dataFilesAfter,
    List<PartitionCompaction> partitions, long bytesRewritten, long bytesWritten, int conflicts, int manifestsBefore,
    int manifestsAfter, int snapshotsExpired, int entriesCarried, int orphansFound, int orphansRemoved,
    Duration duration) {
  public MaintenanceReport {
    Objects.requireNonNull(dataset, "dataset may not be null");
    partitions = List.copyOf(partitions);
    Objects.requireNonNull(duration, "duration may not be null");
  }

  /** One compacted partition: its path, its data files before and after, and how many were replaced. */
  public record PartitionCompaction(String path, int filesBefore, int filesAfter, int filesRewritten) {}

  /** Files replaced by compaction. */
  public long filesRewritten() {
    return partitions.stream().mapToLong(PartitionCompaction::filesRewritten).sum();
  }

  /** Rewrite throughput: bytes of small files replaced per second of the run, 0 when nothing was. */
  public double rewriteMegabytesPerSecond() {
    return duration.isZero() ? 0 : bytesRewritten / 1e6 / (duration.toNanos() / 1e9);
  }

  @Override
  public String toString() {
    return dataset + (dryRun ? " (dry run)" : "") + ": data files " + dataFilesBefore + " -> " + dataFilesAfter
        + " (" + partitions.size() + " partitions compacted, " + bytesRewritten + " -> " + bytesWritten + " bytes"
        + (conflicts > 0 ? ", " + conflicts + " given up to concurrent changes" : "") + "), manifests "
        + manifestsBefore + " -> " + manifestsAfter + ", snapshots expired " + snapshotsExpired
        + (entriesCarried > 0 ? " (" + entriesCarried + " source partitions carried)" : "") + ", orphans "
        + orphansRemoved + " removed of " + orphansFound + ", " + duration.toMillis() + " ms";
  }
}
