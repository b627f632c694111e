package io.tributary.iceberg.maintain;

import java.time.Duration;
import java.util.Objects;

/**
 * What maintenance does to one table ({@link MaintenanceKeys#perDataset()}).
 *
 * @param minAge a partition is compacted once its newest file was committed this long ago
 * @param targetFileSize the size compaction aims at; files under three quarters of it are small
 * @param snapshotRetention snapshots older than this are expired
 * @param orphanAge an unreferenced file is deleted once seen unreferenced for this long
 */
public record MaintenanceSettings(Duration minAge, long targetFileSize, Duration snapshotRetention,
    Duration orphanAge) {
  public MaintenanceSettings {
    Objects.requireNonNull(minAge, "minAge may not be null");
    Objects.requireNonNull(snapshotRetention, "snapshotRetention may not be null");
    Objects.requireNonNull(orphanAge, "orphanAge may not be null");
    if (minAge.isNegative()) {
      throw new IllegalArgumentException("Invalid maintenance min-age " + minAge + ": may not be negative");
    }
    if (targetFileSize < 1) {
      throw new IllegalArgumentException("Invalid maintenance target-file-size " + targetFileSize
          + ": must be positive");
    }
    if (snapshotRetention.isNegative() || orphanAge.isNegative()) {
      throw new IllegalArgumentException("Invalid maintenance ages: snapshot-retention " + snapshotRetention
          + " and orphan-age " + orphanAge + " may not be negative");
    }
  }

  /** The keys' defaults. */
  public static MaintenanceSettings defaults() {
    return new MaintenanceSettings(MaintenanceKeys.MIN_AGE.byDefault(), MaintenanceKeys.TARGET_FILE_SIZE.byDefault(),
        MaintenanceKeys.SNAPSHOT_RETENTION.byDefault(), MaintenanceKeys.ORPHAN_AGE.byDefault());
  }

  /** Files under this size are small: three quarters of the target, as Iceberg's own bin-packing decides. */
  public long smallFileSize() {
    return targetFileSize / 4 * 3;
  }
}
