package io.tributary.iceberg.maintain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.iceberg.IcebergDataFiles;
import io.tributary.iceberg.IcebergSchemas;
import io.tributary.iceberg.IcebergTableFormat;
import io.tributary.source.SourcePartition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.RewriteManifests;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;

/**
 * Maintenance of a table the engine fed with many tiny flushes, on a real JdbcCatalog (SQLite), read back with
 * Iceberg's generic reader: files compacted, rows and values unchanged, a reader in flight sees every row once,
 * recovery still finds what is durable.
 */
class TableMaintenanceTest extends LakeTest {
  private static final List<SourcePartition> SOURCES = List.of(new SourcePartition("orders-topic", "0"),
      new SourcePartition("orders-topic", "1"), new SourcePartition("orders-topic", "2"),
      new SourcePartition("orders-topic", "3"));

  /** 1,000 flushes of 1 to 3 rows: 250 per source partition, spread over 3 hours, schema versions 1 then 2. */
  private void feedThousandFlushes() {
    IcebergTableFormat format = lake.format("engine");
    long[] next = new long[SOURCES.size()];
    for (int flush = 0; flush < 1_000; flush++) {
      int s = flush % SOURCES.size();
      int seq = flush / SOURCES.size() + 1;
      long first = next[s];
      long last = first + flush % 3;
      lake.land(format, SOURCES.get(s), seq, first, last, (flush / 7) % 3, flush < 400 ? 1 : 2);
      next[s] = last + 1;
    }
  }

  @Test
  void aThousandTinyFlushesBecomeAtMostTwoFilesPerPartitionWithTheSameRows() throws Exception {
    feedThousandFlushes();
    Table before = lake.table();
    Map<String, String> rowsBefore = TableFixture.rows(before);
    assertThat(TableFixture.filesPerPartition(before)).hasSize(3).allSatisfy((p, n) -> assertThat(n).isGreaterThan(300));
    // A reader that planned its scan and read part of it before the rewrite, and reads the rest after.
    Map<String, String> inFlight = new TreeMap<>();
    try (CloseableIterable<Record> scan = IcebergGenerics.read(before).build()) {
      Iterator<Record> reading = scan.iterator();
      for (int i = 0; i < 100; i++) {
        TableFixture.add(inFlight, reading.next());
      }

      List<MaintenanceReport> reports = lake.maintenance(TableFixture.now()).run(Optional.empty(), false, () -> true);

      reading.forEachRemaining(r -> TableFixture.add(inFlight, r));
      assertThat(inFlight).isEqualTo(rowsBefore);
      MaintenanceReport report = reports.get(0);
      assertThat(report.dataFilesBefore()).isEqualTo(1_000);
      assertThat(report.dataFilesAfter()).isEqualTo(3);
      assertThat(report.partitions()).hasSize(3).allSatisfy(p -> assertThat(p.filesAfter()).isEqualTo(1));
      assertThat(report.manifestsAfter()).isLessThanOrEqualTo(3);
      System.out.printf("compaction: %s; %.1f MB/s%n", report, report.rewriteMegabytesPerSecond());
    }
    Table after = lake.table();
    assertThat(TableFixture.filesPerPartition(after)).hasSize(3).allSatisfy((p, n) -> assertThat(n).isLessThanOrEqualTo(2));
    assertThat(TableFixture.rows(after)).hasSize(rowsBefore.size()).isEqualTo(rowsBefore);
    assertThat(lake.registry.get(MaintenanceMetrics.REWRITTEN_FILES).counter().count()).isEqualTo(1_000);
    assertThat(lake.registry.get(MaintenanceMetrics.PARTITION_FILES).tag(MaintenanceMetrics.WHEN, "after")
        .summary().max()).isEqualTo(1);
  }

  @Test
  void rewrittenFilesCarryTheTablesFieldIdsAndMetrics() throws Exception {
    IcebergTableFormat format = lake.format("engine");
    for (int seq = 1; seq <= 4; seq++) {
      lake.land(format, SOURCES.get(0), seq, seq * 10, seq * 10 + 2, 0, seq <= 2 ? 1 : 2);
    }
    lake.maintenance(TableFixture.now()).run(Optional.empty(), false, () -> true);

    Table table = lake.table();
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().includeColumnStats().planFiles()) {
      tasks.forEach(t -> files.add(t.file()));
    }
    assertThat(files).singleElement().satisfies(file -> {
      assertThat(file.location()).contains("/data/").contains("compacted-");
      assertThat(file.recordCount()).isEqualTo(12);
      int eventTime = table.schema().findField(IcebergSchemas.EVENT_TIME).fieldId();
      int n = table.schema().findField("n").fieldId();
      assertThat(file.lowerBounds()).containsKeys(eventTime, n);
      assertThat(file.valueCounts()).containsEntry(n, 12L);
      // Described again from its own bytes, as recovery would: the same ids, partition and metrics.
      DataFile again = IcebergDataFiles.describe(file.location(), Compaction.read(table.io(), file.location()),
          table.spec(), org.apache.iceberg.MetricsConfig.forTable(table));
      assertThat(again.partition()).isEqualTo(file.partition());
      assertThat(again.valueCounts()).isEqualTo(file.valueCounts());
    });
    assertThat(TableFixture.rows(table)).hasSize(12);
  }

  @Test
  void recoveryFindsEachPartitionsSeqAfterTheRewriteAndAfterExpiry() throws Exception {
    IcebergTableFormat format = lake.format("engine");
    lake.land(format, SOURCES.get(0), 1, 0, 2, 0, 1);
    lake.land(format, SOURCES.get(1), 1, 0, 2, 0, 1); // partition 1 lands nothing more: its entry gets old
    lake.land(format, SOURCES.get(0), 2, 3, 5, 0, 1);
    lake.land(format, SOURCES.get(0), 3, 6, 8, 1, 2);
    lake.clock.advance(java.time.Duration.ofDays(8));

    MaintenanceReport report = lake.maintenance(TableFixture.now()).run(Optional.empty(), false, () -> true).get(0);

    assertThat(report.partitions()).isNotEmpty();
    assertThat(report.snapshotsExpired()).isPositive();
    assertThat(report.entriesCarried()).isEqualTo(2);
    Table table = lake.table();
    assertThat(SnapshotExpiry.ancestry(table)).hasSize(1);
    Map<String, String> rows = TableFixture.rows(table);
    assertThat(rows).hasSize(12);
    // Another task recovers both partitions: their latest records are found in the table, nothing lands twice.
    IcebergTableFormat successor = lake.format("successor");
    assertThat(successor.recover(SOURCES.get(0))).hasValueSatisfying(r -> assertThat(r.seq()).isEqualTo(3));
    assertThat(successor.recover(SOURCES.get(1))).hasValueSatisfying(r -> assertThat(r.seq()).isEqualTo(1));
    assertThat(TableFixture.rows(lake.table())).isEqualTo(rows);
    // And the engine goes on landing on top of the carried entries.
    lake.land(successor, SOURCES.get(1), 2, 3, 4, 1, 2);
    assertThat(TableFixture.rows(lake.table())).hasSize(14);
  }

  /** Settings under which nothing is compacted yet (files younger than an hour). */
  private static final MaintenanceSettings NOT_YET = new MaintenanceSettings(java.time.Duration.ofHours(1),
      128L << 20, java.time.Duration.ofDays(7), java.time.Duration.ofDays(3));

  /** Lands {@link TableMaintenance#MANIFEST_PILE_UP} + 5 one-row flushes, a manifest each; the engine's format. */
  private IcebergTableFormat pileUpManifests() {
    IcebergTableFormat format = lake.format("engine");
    for (int seq = 1; seq <= TableMaintenance.MANIFEST_PILE_UP + 5; seq++) {
      lake.land(format, SOURCES.get(0), seq, seq, seq, 0, 1);
    }
    return format;
  }

  @Test
  void manifestsThatPileUpAreRewrittenIntoFew() throws Exception {
    pileUpManifests();

    MaintenanceReport report = lake.maintenance(NOT_YET).run(Optional.empty(), false, () -> true).get(0);

    assertThat(report.partitions()).isEmpty();
    assertThat(report.manifestsBefore()).isEqualTo(TableMaintenance.MANIFEST_PILE_UP + 5);
    assertThat(report.manifestsAfter()).isEqualTo(1);
    assertThat(TableFixture.rows(lake.table())).hasSize(TableMaintenance.MANIFEST_PILE_UP + 5);
  }

  @Test
  void aManifestRewriteThatLosesToTheEnginesAppendsGivesWayAndTheRunGoesOn() throws Exception {
    IcebergTableFormat format = pileUpManifests();
    // The rewrite's commit meets an append the engine committed meanwhile and fails as Iceberg fails it once its
    // retries are spent (appends kept winning).
    long appendedSeq = TableMaintenance.MANIFEST_PILE_UP + 6;
    LakeMaintenance maintenance = lake.maintenance(NOT_YET, table -> rewritesLosing(table, () ->
        lake.land(format, SOURCES.get(0), appendedSeq, appendedSeq, appendedSeq, 0, 1)));

    List<MaintenanceReport> reports = maintenance.run(Optional.empty(), false, () -> true);

    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).manifestsBefore()).isEqualTo(TableMaintenance.MANIFEST_PILE_UP + 5);
    assertThat(reports.get(0).manifestsAfter()).isEqualTo(TableMaintenance.MANIFEST_PILE_UP + 6);
    assertThat(TableFixture.rows(lake.table())).hasSize(TableMaintenance.MANIFEST_PILE_UP + 6);
    // The next run, with nothing racing it, rewrites them.
    assertThat(lake.maintenance(NOT_YET).run(Optional.empty(), false, () -> true).get(0).manifestsAfter())
        .isEqualTo(1);
  }

  /** {@code table}, whose manifest rewrites run {@code meanwhile} and then fail their commit. */
  private static Table rewritesLosing(Table table, Runnable meanwhile) {
    return TableFixture.proxy(Table.class, table, (method, result) -> method.getName().equals("rewriteManifests")
        ? TableFixture.proxy(RewriteManifests.class, (RewriteManifests) result, (m, r) -> r, () -> {
          meanwhile.run();
          throw new CommitFailedException("Cannot commit %s: metadata location has changed", table.name());
        })
        : result);
  }

  @Test
  void aDryRunReportsTheWorkAndChangesNothing() throws Exception {
    IcebergTableFormat format = lake.format("engine");
    for (int seq = 1; seq <= 5; seq++) {
      lake.land(format, SOURCES.get(0), seq, seq * 10, seq * 10, 0, 1);
    }
    long snapshot = lake.table().currentSnapshot().snapshotId();

    MaintenanceReport report = lake.maintenance(TableFixture.now()).run(Optional.of(TableFixture.DATASET), true,
        () -> true).get(0);

    assertThat(report.dryRun()).isTrue();
    assertThat(report.dataFilesBefore()).isEqualTo(5);
    assertThat(report.dataFilesAfter()).isEqualTo(1);
    assertThat(lake.table().currentSnapshot().snapshotId()).isEqualTo(snapshot);
    assertThat(TableFixture.filesPerPartition(lake.table())).containsValue(5);
  }

  @Test
  void aPartitionWrittenMoreRecentlyThanTheMinimumAgeIsLeftAlone() throws Exception {
    IcebergTableFormat format = lake.format("engine");
    for (int seq = 1; seq <= 4; seq++) {
      lake.land(format, SOURCES.get(0), seq, seq, seq, 0, 1);
    }
    MaintenanceSettings hourOld = new MaintenanceSettings(java.time.Duration.ofHours(1), 128L << 20,
        java.time.Duration.ofDays(7), java.time.Duration.ofDays(3));

    assertThat(lake.maintenance(hourOld).run(Optional.empty(), false, () -> true).get(0).partitions()).isEmpty();
    lake.clock.advance(java.time.Duration.ofMinutes(61));
    assertThat(lake.maintenance(hourOld).run(Optional.empty(), false, () -> true).get(0).partitions()).hasSize(1);
  }
}
