package io.tributary.iceberg.maintain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.commit.DurableRange;
import io.tributary.commit.Ledger;
import io.tributary.commit.StagedFile;
import io.tributary.iceberg.IcebergTableFormat;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Orphan files: a killed runner's files are removed once old enough, a file a ledger record still needs is kept. */
class OrphanFilesTest extends LakeTest {
  private static final SourcePartition P0 = new SourcePartition("orders-topic", "0");

  /** What a kill does to a thread: nothing after it runs, no cleanup (an Error, which no maintenance code catches). */
  private static final class Killed extends Error {}

  @Test
  void aLeaderKilledMidRewriteIsReplacedAfterItsLeaseExpiresAndItsFilesBecomeNoOrphan() throws Exception {
    IcebergTableFormat engine = lake.format("engine");
    for (int seq = 1; seq <= 6; seq++) {
      lake.land(engine, P0, seq, seq * 10, seq * 10 + 1, seq % 2, 1);
    }
    MaintenanceLease first = new MaintenanceLease(lake.store, lake.layout, "a", Duration.ofMinutes(2), lake.clock);
    MaintenanceLease second = new MaintenanceLease(lake.store, lake.layout, "b", Duration.ofMinutes(2), lake.clock);
    LakeMaintenance maintenance = lake.maintenance(TableFixture.now());
    assertThat(first.acquire()).isTrue();
    List<String> before = lake.store.list("tributary/orders/data/");

    // The leader writes its compacted files and dies before the commit, holding its lease.
    assertThatThrownBy(() -> maintenance.run(Optional.empty(), false, () -> {
      if (lake.store.list("tributary/orders/data/").size() > before.size()) {
        throw new Killed();
      }
      return true;
    })).isInstanceOf(Killed.class);
    assertThat(lake.store.list("tributary/orders/data/")).hasSizeGreaterThan(before.size());

    assertThat(second.acquire()).isFalse();
    lake.clock.advance(Duration.ofMinutes(3));
    assertThat(second.acquire()).isTrue();
    MaintenanceReport takeover = maintenance.run(Optional.empty(), false, second::held).get(0);
    assertThat(takeover.partitions()).hasSize(2);
    assertThat(takeover.orphansFound()).isEqualTo(1); // the killed leader's file of its first partition
    assertThat(takeover.orphansRemoved()).isZero(); // first seen now: not old enough

    lake.clock.advance(Duration.ofDays(3));
    assertThat(second.acquire()).isTrue();
    MaintenanceReport later = maintenance.run(Optional.empty(), false, second::held).get(0);

    assertThat(later.orphansRemoved()).isEqualTo(1);
    MaintenanceReport check = maintenance.run(Optional.empty(), true, () -> true).get(0);
    assertThat(check.orphansFound()).isZero();
    assertThat(TableFixture.rows(lake.table())).hasSize(12);
  }

  @Test
  void aFileOfALedgerRecordNotYetAppendedIsNoOrphan() throws Exception {
    IcebergTableFormat engine = lake.format("engine");
    lake.land(engine, P0, 1, 0, 1, 0, 1);
    // A record whose file is written and listed by the ledger, but whose append never reached the table (the
    // catalog was down, the task died): the next recovery appends it.
    String table = lake.table().location();
    String sample = lake.store.list("tributary/orders/data/").get(0);
    String key = sample.substring(0, sample.lastIndexOf('/') + 1) + "orders-topic+0+2-pending.parquet";
    lake.store.put(key, lake.encode(engine, P0, 2, 3, 0, 1).bytes());
    DurableRange range = new DurableRange(lake.layout.dataFolder(TableFixture.DATASET, "hour=0"), Position.of(2),
        Position.of(3));
    new Ledger(lake.store, lake.layout, "engine", Clock.systemUTC()).commit(P0, 2, Position.of(3),
        List.of(new StagedFile(key, key, range, 2, 0)), List.of());
    LakeMaintenance maintenance = lake.maintenance(TableFixture.now());
    maintenance.run(Optional.empty(), false, () -> true);
    lake.clock.advance(Duration.ofDays(4));

    MaintenanceReport report = maintenance.run(Optional.empty(), false, () -> true).get(0);

    assertThat(table).isNotEmpty();
    assertThat(report.orphansFound()).isEqualTo(1);
    assertThat(report.orphansRemoved()).isZero();
    assertThat(lake.store.get(key)).isPresent();
    lake.format("successor").recover(P0);
    assertThat(TableFixture.rows(lake.table())).hasSize(4);
  }
}
