package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zombie (an instance that lost its partition but still runs) and its successor write the same partition. */
class LandingZombieTest {
  private static final SourcePartition P = new SourcePartition("orders", "0");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-21T06:30:00Z"));

  @Test
  void theSuccessorCommitsFirstAndTheZombieDropsWhatItCommitted() throws Exception {
    List<SourceRecord> records = LandingFixture.records("orders", "0", 120);
    Landing zombie = LandingFixture.landing(new LocalFileStore(dir), "zombie", 1_000_000, clock);
    zombie.assign(P);
    records.subList(0, 60).forEach(zombie::accept);

    Landing successor = LandingFixture.landing(new LocalFileStore(dir), "successor", 1_000_000, clock);
    successor.assign(P);
    records.subList(0, 100).forEach(successor::accept);
    successor.close();

    records.subList(60, 120).forEach(zombie::accept);
    zombie.close();

    assertExactlyOnce(120);
  }

  @Test
  void theZombieCommitsFirstAndTheSuccessorDropsWhatItCommitted() throws Exception {
    List<SourceRecord> records = LandingFixture.records("orders", "0", 120);
    Landing zombie = LandingFixture.landing(new LocalFileStore(dir), "zombie", 1_000_000, clock);
    zombie.assign(P);
    Landing successor = LandingFixture.landing(new LocalFileStore(dir), "successor", 1_000_000, clock);
    successor.assign(P);
    records.subList(0, 100).forEach(successor::accept);

    records.subList(0, 60).forEach(zombie::accept);
    zombie.close();
    records.subList(100, 120).forEach(successor::accept);
    successor.close();

    assertExactlyOnce(120);
  }

  @Test
  void twoInstancesRollingTheSamePartitionInAnyInterleavingLandEveryRecordOnce() throws Exception {
    for (int seed = 0; seed < 6; seed++) {
      Path run = dir.resolve("run" + seed);
      List<SourceRecord> records = LandingFixture.records("orders", "0", 150);
      Landing a = LandingFixture.landing(new LocalFileStore(run), "a", 7, clock);
      Landing b = LandingFixture.landing(new LocalFileStore(run), "b", 11, clock);
      a.assign(P);
      b.assign(P);
      Random random = new Random(seed);
      int nextA = 0;
      int nextB = 0;
      while (nextA < records.size() || nextB < records.size()) {
        boolean pickA = nextB >= records.size() || (nextA < records.size() && random.nextBoolean());
        if (pickA) {
          a.accept(records.get(nextA++));
        } else {
          b.accept(records.get(nextB++));
        }
      }
      a.close();
      b.close();

      Map<String, Long> counts = LandingFixture.landedCounts(run);
      assertThat(counts).as("seed %d", seed).hasSize(150);
      assertThat(counts.entrySet()).as("seed %d: landed more than once", seed)
          .filteredOn(e -> e.getValue() != 1L).isEmpty();
    }
  }

  private void assertExactlyOnce(int records) throws Exception {
    Map<String, Long> counts = LandingFixture.landedCounts(dir);
    assertThat(counts).hasSize(records);
    assertThat(counts.entrySet()).filteredOn(e -> e.getValue() != 1L).isEmpty();
  }
}
