package io.tributary.iceberg.maintain;

import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One maintenance run on one table, in this order: compaction ({@link Compaction}), a manifest rewrite when
 * manifests pile up, snapshot expiry ({@link SnapshotExpiry}), orphan removal ({@link OrphanFiles}). Each step reads
 * the table afresh, so a step that found nothing to do costs a read.
 */
final class TableMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(TableMaintenance.class);
  /**
   * Data manifests of the current snapshot beyond which they are rewritten into few: the engine's fast appends add
   * one per flush, and planning a scan opens every one of them.
   */
  static final int MANIFEST_PILE_UP = 50;

  private final OrphanFiles orphans;
  private final WriteOptions options;
  private final Clock clock;

  TableMaintenance(OrphanFiles orphans, WriteOptions options, Clock clock) {
    this.orphans = orphans;
    this.options = options;
    this.clock = clock;
  }

  MaintenanceReport run(Table table, String dataset, List<DatasetSchema> history, MaintenanceSettings settings,
      boolean dryRun, BooleanSupplier leader) {
    long start = System.nanoTime();
    table.refresh();
    long filesBefore = dataFiles(table);
    List<MaintenanceReport.PartitionCompaction> compacted = new ArrayList<>();
    long bytesRewritten = 0;
    long bytesWritten = 0;
    int conflicts = 0;
    Snapshot planned = table.currentSnapshot();
    List<Compaction.Partition> plans = Compaction.plan(table, settings, clock.millis());
    if (!plans.isEmpty()) {
      DatasetSchema schema = Compaction.tableVersion(table, history);
      for (Compaction.Partition plan : plans) {
        if (dryRun) {
          compacted.add(new MaintenanceReport.PartitionCompaction(plan.path(), plan.files(),
              plan.files() - plan.rewritten() + plan.bins().size(), plan.rewritten()));
          bytesRewritten += plan.bins().stream().flatMap(List::stream).mapToLong(f -> f.fileSizeInBytes()).sum();
          continue;
        }
        Compaction.Result result = Compaction.rewrite(table, planned.snapshotId(), plan, schema, options, leader);
        if (result.committed()) {
          compacted.add(new MaintenanceReport.PartitionCompaction(result.path(), result.filesBefore(),
              result.filesAfter(), result.filesRewritten()));
          bytesRewritten += result.bytesRewritten();
          bytesWritten += result.bytesWritten();
        } else {
          conflicts++;
        }
      }
    }
    table.refresh();
    int manifestsBefore = manifests(table);
    int manifestsAfter = manifestsBefore;
    if (manifestsBefore > MANIFEST_PILE_UP && !dryRun && leader.getAsBoolean()) {
      try {
        table.rewriteManifests().clusterBy(file -> file.specId()).rewriteIf(manifest -> true)
            .set(Compaction.SUMMARY, "manifests").commit();
      } catch (CommitFailedException e) {
        // Appends kept committing through Iceberg's retries: give way, as a compaction that loses does; expiry and
        // orphans still run, and the next run rewrites the manifests.
        LOG.info("Manifest rewrite of {} gave way to concurrent commits ({} data manifests stay): {}", dataset,
            manifestsBefore, e.getMessage());
      }
      table.refresh();
      manifestsAfter = manifests(table);
    }
    SnapshotExpiry.Result expiry = dryRun || leader.getAsBoolean()
        ? SnapshotExpiry.expire(table, clock.millis() - settings.snapshotRetention().toMillis(), dryRun)
        : new SnapshotExpiry.Result(0, 0);
    OrphanFiles.Result orphaned = orphans.clean(table, settings.orphanAge(), dryRun, leader);
    table.refresh();
    return new MaintenanceReport(dataset, dryRun, filesBefore, dryRun ? filesBefore - compacted.stream()
        .mapToLong(p -> p.filesBefore() - p.filesAfter()).sum() : dataFiles(table), compacted, bytesRewritten,
        bytesWritten, conflicts, manifestsBefore, manifestsAfter, expiry.expired(), expiry.carried(),
        orphaned.unreferenced(), orphaned.removed(), Duration.ofNanos(System.nanoTime() - start));
  }

  private static long dataFiles(Table table) {
    Snapshot current = table.currentSnapshot();
    return current == null ? 0
        : Long.parseLong(current.summary().getOrDefault(SnapshotSummary.TOTAL_DATA_FILES_PROP, "0"));
  }

  private static int manifests(Table table) {
    Snapshot current = table.currentSnapshot();
    return current == null ? 0 : current.dataManifests(table.io()).size();
  }
}
