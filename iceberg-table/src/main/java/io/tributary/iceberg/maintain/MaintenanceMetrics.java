package io.tributary.iceberg.maintain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.metrics.MetricTags;
import java.util.Objects;

/**
 * The meters of table maintenance, tagged by dataset: files and bytes rewritten, data files per compacted partition
 * before and after, snapshots expired, orphans removed, run duration, failed runs.
 */
public final class MaintenanceMetrics {
  static final String REWRITTEN_FILES = "tributary.maintenance.rewritten.files";
  static final String REWRITTEN_BYTES = "tributary.maintenance.rewritten.bytes";
  static final String PARTITION_FILES = "tributary.maintenance.partition.files";
  static final String EXPIRED_SNAPSHOTS = "tributary.maintenance.expired.snapshots";
  static final String REMOVED_ORPHANS = "tributary.maintenance.removed.orphans";
  static final String DURATION = "tributary.maintenance.duration";
  static final String FAILURES = "tributary.maintenance.failures";
  /** The tag of {@link #PARTITION_FILES}: {@code before} or {@code after} the compaction. */
  static final String WHEN = "when";

  private final MeterRegistry registry;

  public MaintenanceMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry may not be null");
  }

  /** Records a table's run (a dry run records nothing). */
  void record(MaintenanceReport report) {
    if (report.dryRun()) {
      return;
    }
    String dataset = report.dataset();
    counter(REWRITTEN_FILES, "files", "Small data files replaced by compaction", dataset)
        .increment(report.filesRewritten());
    counter(REWRITTEN_BYTES, "bytes", "Bytes of the small data files replaced by compaction", dataset)
        .increment(report.bytesRewritten());
    counter(EXPIRED_SNAPSHOTS, "snapshots", "Snapshots expired", dataset).increment(report.snapshotsExpired());
    counter(REMOVED_ORPHANS, "files", "Orphan files deleted", dataset).increment(report.orphansRemoved());
    for (MaintenanceReport.PartitionCompaction partition : report.partitions()) {
      partitionFiles(dataset, "before").record(partition.filesBefore());
      partitionFiles(dataset, "after").record(partition.filesAfter());
    }
    Timer.builder(DURATION).description("Time of one maintenance run on one table")
        .tag(MetricTags.DATASET, dataset).register(registry).record(report.duration());
  }

  /** Counts a table's run that failed. */
  void failed(String dataset) {
    counter(FAILURES, "runs", "Maintenance runs on a table that failed (retried at the next run)", dataset)
        .increment();
  }

  private Counter counter(String name, String unit, String description, String dataset) {
    return Counter.builder(name).baseUnit(unit).description(description).tag(MetricTags.DATASET, dataset)
        .register(registry);
  }

  private DistributionSummary partitionFiles(String dataset, String when) {
    return DistributionSummary.builder(PARTITION_FILES).baseUnit("files")
        .description("Data files of a compacted partition, before and after its compaction")
        .tag(MetricTags.DATASET, dataset).tag(WHEN, when).register(registry);
  }
}
