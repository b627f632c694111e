package io.tributary.iceberg.maintain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.iceberg.IcebergTableFormat;
import io.tributary.source.SourcePartition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The service's loop: only the lease holder maintains; closing releases the lease for another task. */
class MaintenanceLoopTest extends LakeTest {
  private static final SourcePartition P0 = new SourcePartition("orders-topic", "0");

  @Test
  void onlyTheLeaseHolderRunsAndClosingHandsTheLeaseOver() throws Exception {
    IcebergTableFormat engine = lake.format("engine");
    for (int seq = 1; seq <= 4; seq++) {
      lake.land(engine, P0, seq, seq, seq, 0, 1);
    }
    MaintenanceLease holding = new MaintenanceLease(lake.store, lake.layout, "a", Duration.ofMinutes(2), lake.clock);
    MaintenanceLease waiting = new MaintenanceLease(lake.store, lake.layout, "b", Duration.ofMinutes(2), lake.clock);
    MaintenanceLoop first = new MaintenanceLoop(lake.maintenance(TableFixture.now()), holding, Duration.ofHours(1));
    MaintenanceLoop second = new MaintenanceLoop(lake.maintenance(TableFixture.now()), waiting, Duration.ofHours(1));

    first.renew();
    second.renew();
    assertThat(second.runOnce()).isFalse();
    assertThat(TableFixture.filesPerPartition(lake.table())).containsValue(4);
    assertThat(first.runOnce()).isTrue();
    assertThat(TableFixture.filesPerPartition(lake.table())).containsValue(1);

    first.close();
    second.renew();

    assertThat(waiting.held()).isTrue();
    assertThat(second.runOnce()).isTrue();
    second.close();
    assertThat(waiting.held()).isFalse();
  }

  @Test
  void aStartedLoopTakesTheLeaseAndMaintains() throws Exception {
    IcebergTableFormat engine = lake.format("engine");
    for (int seq = 1; seq <= 3; seq++) {
      lake.land(engine, P0, seq, seq, seq, 0, 1);
    }
    MaintenanceLease lease = new MaintenanceLease(lake.store, lake.layout, "a", Duration.ofSeconds(3), lake.clock);
    try (MaintenanceLoop loop = new MaintenanceLoop(lake.maintenance(TableFixture.now()), lease,
        Duration.ofHours(1))) {
      loop.start();
      // Waits for the first run (one lease third after the start), however slow the machine: no timing asserted.
      for (int i = 0; i < 600 && TableFixture.filesPerPartition(lake.table()).containsValue(3); i++) {
        Thread.sleep(100);
      }
      assertThat(TableFixture.filesPerPartition(lake.table())).containsValue(1);
      assertThat(lease.held()).isTrue();
    }
    assertThat(lease.held()).isFalse();
  }
}
