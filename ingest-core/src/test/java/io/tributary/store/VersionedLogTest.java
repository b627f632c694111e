package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.ForwardingStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionedLogTest {
  private static final VersionedLog.Location AT = new VersionedLog.Location("lake/_log/p", "v", 6);

  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anEmptyLogHasNoLatestVersion() {
    assertThat(new VersionedLog(new LocalFileStore(dir), AT).latest()).isZero();
  }

  @Test
  void listingFromAKnownVersionFindsTheLatestWithOneListingPerHundredVersions() {
    AtomicInteger lists = new AtomicInteger();
    ObjectStore counting = new ForwardingStore(new LocalFileStore(dir)) {
      @Override
      public List<String> list(String prefix) {
        lists.incrementAndGet();
        return super.list(prefix);
      }
    };
    VersionedLog log = new VersionedLog(counting, AT);
    assertThat(log.latestListed(0)).isZero();
    for (int v = 1; v <= 299; v++) {
      log.tryWrite(v, bytes("r" + v));
    }
    counting.put("lake/_log/p/v000250.json.tmp", bytes("not a version"));

    lists.set(0);
    assertThat(log.latestListed(250)).isEqualTo(299);
    // Versions 200 to 299 fill their block: the next block is listed too, and is empty.
    assertThat(lists.get()).isEqualTo(2);
    lists.set(0);
    assertThat(log.latestListed(0)).isEqualTo(299);
    assertThat(lists.get()).isEqualTo(4);
    log.tryWrite(300, bytes("r300"));
    assertThat(log.latestListed(120)).isEqualTo(300);
  }

  @Test
  void theLatestVersionIsFoundWithAFewReadsHoweverLongTheLog() {
    AtomicInteger reads = new AtomicInteger();
    ObjectStore counting = new ForwardingStore(new LocalFileStore(dir)) {
      @Override
      public Optional<byte[]> get(String key) {
        reads.incrementAndGet();
        return super.get(key);
      }
    };
    VersionedLog log = new VersionedLog(counting, AT);
    for (int v = 1; v <= 300; v++) {
      assertThat(log.tryWrite(v, bytes("v" + v))).isTrue();
    }
    reads.set(0);
    assertThat(log.latest()).isEqualTo(300);
    assertThat(reads.get()).isLessThan(25);
    assertThat(log.keys()).hasSize(300).startsWith("lake/_log/p/v000001.json").endsWith("lake/_log/p/v000300.json");
  }

  @Test
  void withAGapTheLatestIsAVersionThatExistsAndWhoseNextDoesNot() {
    LocalFileStore store = new LocalFileStore(dir);
    VersionedLog log = new VersionedLog(store, AT);
    for (int v : List.of(1, 2, 3, 4, 5, 7, 8)) {
      log.tryWrite(v, bytes("v" + v));
    }
    long latest = log.latest();
    assertThat(log.read(latest)).isPresent();
    assertThat(log.read(latest + 1)).isEmpty();
    assertThat(latest).isIn(5L, 8L);
    assertThat(log.keys()).hasSize(7);
  }

  @Test
  void aVersionIsWrittenOnceAndItsFirstWriterKeepsIt() {
    VersionedLog log = new VersionedLog(new LocalFileStore(dir), AT);
    assertThat(log.tryWrite(1, bytes("first"))).isTrue();
    assertThat(log.tryWrite(1, bytes("second"))).isFalse();
    assertThat(log.read(1)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8))
        .isEqualTo("first"));
  }

  @Test
  void concurrentWritersEachWinDistinctVersionsAndTheLogStaysContiguous() throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    int writers = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<List<Long>>> won = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String name = "w" + w;
        won.add(pool.submit(() -> {
          VersionedLog log = new VersionedLog(store, AT);
          List<Long> mine = new ArrayList<>();
          while (mine.size() < each) {
            long next = log.latest() + 1;
            if (log.tryWrite(next, bytes(name))) {
              mine.add(next);
            }
          }
          return mine;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : won) {
        all.addAll(f.get());
      }
      assertThat(all).doesNotHaveDuplicates().hasSize(writers * each);
      VersionedLog log = new VersionedLog(store, AT);
      assertThat(log.latest()).isEqualTo(writers * each);
      assertThat(log.keys()).hasSize(writers * each);
    } finally {
      pool.shutdownNow();
    }
  }
}
