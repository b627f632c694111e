package io.tributary.iceberg.maintain;

import static io.tributary.config.ValueType.BOOLEAN;
import static io.tributary.config.ValueType.bytes;
import static io.tributary.config.ValueType.duration;

import io.tributary.config.ConfigKey;
import java.time.Duration;
import java.util.List;

/**
 * The keys of Iceberg table maintenance (docs/operations.md, "Table maintenance"): the service's loop
 * ({@link #all()}, top level) and what it does to each table ({@link #perDataset()}, relative names given under
 * {@code dataset-defaults.} and {@code datasets.<name>.}).
 */
public final class MaintenanceKeys {

  private MaintenanceKeys() {}

  public static final ConfigKey<Boolean> ENABLED = ConfigKey.of("maintenance.enabled", BOOLEAN, true,
      "Whether the service runs table maintenance on its Iceberg tables (one task at a time, elected through the "
          + "store); `false` leaves it to a scheduled `tributary maintain` or to another tool.");
  public static final ConfigKey<Duration> INTERVAL = ConfigKey.of("maintenance.interval",
      duration(Duration.ofMinutes(1)), Duration.ofHours(1),
      "Time between two maintenance runs of the elected task.");
  public static final ConfigKey<Duration> LEASE = ConfigKey.of("maintenance.lease",
      duration(Duration.ofSeconds(10)), Duration.ofMinutes(2),
      "How long the elected task holds the maintenance lease without renewing it (it renews every third of it); "
          + "another task takes over this long after the holder died.");

  public static final ConfigKey<Duration> MIN_AGE = ConfigKey.of("maintenance.min-age", duration(Duration.ZERO),
      Duration.ofHours(1), "A partition's small files are compacted once its newest file was committed this long "
          + "ago (a partition still being written is left alone).");
  public static final ConfigKey<Long> TARGET_FILE_SIZE = ConfigKey.of("maintenance.target-file-size",
      bytes(1_048_576), 128L << 20, "Compaction writes files of about this size; files under three quarters of it "
          + "are small. The task holds about twice this in memory while it writes one.");
  public static final ConfigKey<Duration> SNAPSHOT_RETENTION = ConfigKey.of("maintenance.snapshot-retention",
      duration(Duration.ofHours(1)), Duration.ofDays(7), "Snapshots older than this are expired (time travel "
          + "reaches back this far); the files only they reference are deleted.");
  public static final ConfigKey<Duration> ORPHAN_AGE = ConfigKey.of("maintenance.orphan-age",
      duration(Duration.ofHours(1)), Duration.ofDays(3), "A file under a table's data or metadata folder that no "
          + "snapshot references is deleted once it has been seen unreferenced for this long; keep it longer than "
          + "the longest commit (a catalog outage included).");

  /** The service's keys, top level, in documentation order. */
  public static List<ConfigKey<?>> all() {
    return List.of(ENABLED, INTERVAL, LEASE);
  }

  /** The per-dataset keys (relative names), in documentation order. */
  public static List<ConfigKey<?>> perDataset() {
    return List.of(MIN_AGE, TARGET_FILE_SIZE, SNAPSHOT_RETENTION, ORPHAN_AGE);
  }
}
