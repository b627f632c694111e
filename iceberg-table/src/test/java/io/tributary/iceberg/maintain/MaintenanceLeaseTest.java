package io.tributary.iceberg.maintain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.layout.LakeLayout;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintenance lease: one holder at a time through put-if-absent, renewal, takeover after expiry, release. */
class MaintenanceLeaseTest {
  private static final Duration LEASE = Duration.ofMinutes(2);

  @TempDir Path dir;
  private ObjectStore store;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-08T12:00:00Z"));
  private final LakeLayout layout = new LakeLayout("lake", "errors");

  @BeforeEach
  void setUp() {
    store = new LocalFileStore(dir);
  }

  private MaintenanceLease lease(String owner) {
    return new MaintenanceLease(store, layout, owner, LEASE, clock);
  }

  @Test
  void oneRunnerHoldsTheLeaseAtATime() {
    MaintenanceLease a = lease("a");
    MaintenanceLease b = lease("b");

    assertThat(a.acquire()).isTrue();
    assertThat(b.acquire()).isFalse();
    assertThat(a.held()).isTrue();
    assertThat(b.held()).isFalse();
    assertThat(store.list("lake/_tributary/maintenance/lease/")).hasSize(1);
  }

  @Test
  void theHolderRenewsAndKeepsItPastItsFirstExpiry() {
    MaintenanceLease a = lease("a");
    MaintenanceLease b = lease("b");
    a.acquire();
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofSeconds(50));
      assertThat(a.acquire()).isTrue();
      assertThat(b.acquire()).isFalse();
    }
    assertThat(a.held()).isTrue();
    // Old epochs are deleted as it renews: the latest two stay.
    assertThat(store.list("lake/_tributary/maintenance/lease/")).hasSize(2);
  }

  @Test
  void aKilledHolderIsReplacedOnceItsLeaseExpires() {
    MaintenanceLease killed = lease("a");
    MaintenanceLease next = lease("b");
    killed.acquire();

    clock.advance(LEASE.minusSeconds(1));
    assertThat(next.acquire()).isFalse();
    clock.advance(Duration.ofSeconds(2));

    assertThat(killed.held()).isFalse();
    assertThat(next.acquire()).isTrue();
    assertThat(killed.acquire()).isFalse(); // back from the dead: it finds the lease taken
  }

  @Test
  void releasingLetsAnotherRunnerTakeItAtOnce() {
    MaintenanceLease a = lease("a");
    MaintenanceLease b = lease("b");
    a.acquire();

    a.release();

    assertThat(a.held()).isFalse();
    assertThat(b.acquire()).isTrue();
  }

  @Test
  void twoRunnersOfOneInstanceAreDistinct() {
    MaintenanceLease a = lease("same");
    MaintenanceLease b = lease("same");

    assertThat(a.acquire()).isTrue();
    assertThat(b.acquire()).isFalse();
  }
}
