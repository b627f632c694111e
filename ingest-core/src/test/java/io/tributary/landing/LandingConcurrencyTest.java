package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.testing.ForwardingStore;
import io.tributary.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitions land independently: while one partition's upload is held by the store (its thread blocked inside a
 * flush, holding that partition's lock), another partition keeps accepting, rolling and committing. Deterministic:
 * the store holds the upload on a latch and the test releases it; the only time limit is the one that says "this
 * never returns" (it fails with one lock for the whole landing).
 */
class LandingConcurrencyTest {
  /** Long enough for any loaded machine; reaching it means the thread is blocked, not slow. */
  private static final long BLOCKED_SECONDS = 60;

  @TempDir Path dir;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private HoldingStore store;

  @AfterEach
  void stopThreads() {
    store.release.countDown();
    threads.shutdownNow();
  }

  private final SourcePartition held = new SourcePartition("events", "0");
  private final SourcePartition free = new SourcePartition("events", "1");

  @Test
  void aPartitionKeepsLandingWhileAnothersUploadIsHeld() throws Exception {
    Landing landing = landing(64L << 20);
    Future<?> heldFlush = holdPartition0(landing);

    // Partition 1 takes 25 records and commits twice meanwhile (one lock for the landing: this never returns).
    Future<?> other = threads.submit(() -> acceptAll(landing, records("1", 0, 25)));
    other.get(BLOCKED_SECONDS, TimeUnit.SECONDS);
    assertThat(landing.checkpoint(free)).contains(Position.of(19));
    assertThat(landing.checkpoint(held)).isEmpty();
    assertThat(heldFlush).isNotDone();

    store.release.countDown();
    heldFlush.get(BLOCKED_SECONDS, TimeUnit.SECONDS);
    assertThat(landing.checkpoint(held)).contains(Position.of(9));
    landing.close();
    Map<String, Long> landed = LandingFixture.landedCounts(dir);
    assertThat(landed).hasSize(35).allSatisfy((record, times) -> assertThat(times).isEqualTo(1L));
  }

  @Test
  void overTheBudgetAThreadRollsItsOwnPartitionWhileAnotherPartitionsUploadIsHeld() throws Exception {
    // The memory budget is what rolls partition 1's buffers: one hour each, eight hours open at once hold more
    // than the budget, no one of them more than its quarter (nor 10 records).
    long budget = 64 << 10;
    Landing landing = landing(budget);
    Future<?> heldFlush = holdPartition0(landing);

    List<SourceRecord> hours = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      hours.add(record("1", i, LandingFixture.HOUR_06 + (i % 8) * 3_600_000L, "x".repeat(2000)));
    }
    Future<?> other = threads.submit(() -> {
      for (SourceRecord record : hours) {
        landing.accept(record);
        assertThat(landing.bufferedBytes()).as("after record %s", record.position()).isLessThanOrEqualTo(budget);
      }
    });
    other.get(BLOCKED_SECONDS, TimeUnit.SECONDS);
    assertThat(landing.checkpoint(free)).as("partition 1 committed memory rolls").isPresent();
    assertThat(heldFlush).isNotDone();

    store.release.countDown();
    heldFlush.get(BLOCKED_SECONDS, TimeUnit.SECONDS);
    landing.close();
    Map<String, Long> landed = LandingFixture.landedCounts(dir);
    assertThat(landed).hasSize(58).allSatisfy((record, times) -> assertThat(times).isEqualTo(1L));
  }

  /** A landing over the holding store, rolling by size at 10 records, both partitions assigned. */
  private Landing landing(long memoryBudget) {
    store = new HoldingStore(new LocalFileStore(dir), "/staging/events/0/");
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(LandingFixture.HOUR_06));
    Landing landing = new Landing(LandingFixture.settings("a", 10, memoryBudget), store, clock);
    landing.assign(held);
    landing.assign(free);
    return landing;
  }

  /** Partition 0 takes 10 records: the 10th rolls its buffer, whose upload blocks in the store until released. */
  private Future<?> holdPartition0(Landing landing) throws InterruptedException {
    Future<?> flush = threads.submit(() -> acceptAll(landing, records("0", 0, 10)));
    assertThat(store.holding.await(BLOCKED_SECONDS, TimeUnit.SECONDS)).as("partition 0's upload began").isTrue();
    return flush;
  }

  private static void acceptAll(Landing landing, List<SourceRecord> records) {
    records.forEach(landing::accept);
  }

  private static List<SourceRecord> records(String partition, int from, int count) {
    List<SourceRecord> records = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      records.add(record(partition, i, LandingFixture.HOUR_06 + i * 1000L, "v" + i));
    }
    return records;
  }

  private static SourceRecord record(String partition, long offset, long ts, String value) {
    String json = "{\"id\": " + offset + ", \"ts\": " + ts + ", \"value\": \"" + value + "\"}";
    return new SourceRecord("events", partition, Position.of(offset), null, List.of(), ts,
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** Holds every put of a key containing {@code marker} until {@link #release} opens. */
  private static final class HoldingStore extends ForwardingStore {
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final String marker;

    HoldingStore(ObjectStore delegate, String marker) {
      super(delegate);
      this.marker = marker;
    }

    @Override
    public void put(String key, byte[] bytes) {
      if (key.contains(marker)) {
        holding.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while holding " + key, e);
        }
      }
      super.put(key, bytes);
    }
  }
}
