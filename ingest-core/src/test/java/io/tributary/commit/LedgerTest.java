package io.tributary.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.layout.LakeLayout;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.testing.FaultInjectingStore;
import io.tributary.testing.ForwardingStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  private static final SourcePartition P = new SourcePartition("orders", "3");

  @TempDir Path dir;

  private Ledger ledger(ObjectStore store, String owner) {
    return new Ledger(store, new LakeLayout("lake", "errors"), owner, Clock.systemUTC());
  }

  private static StagedFile staged(Ledger ledger, String key, String first, String last, String content) {
    String stagingKey = ledger.newStagingKey(P);
    ledger.stage(stagingKey, content.getBytes(StandardCharsets.UTF_8));
    DurableRange range = new DurableRange(key, Position.parse(first), Position.parse(last));
    return new StagedFile(key, stagingKey, range, 1, content.length());
  }

  private static String text(ObjectStore store, String key) {
    return store.get(key).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
  }

  @Test
  void aStagedFileIsInvisibleUntilItsCommitIsWritten() {
    LocalFileStore store = new LocalFileStore(dir);
    Ledger ledger = ledger(store, "a");
    StagedFile file = staged(ledger, "lake/orders/year=2026/orders+3+0.parquet", "0", "9", "rows 0-9");

    assertThat(store.list("lake/orders/")).isEmpty();
    CommitOutcome outcome = ledger.commit(P, 1, Position.parse("9"), List.of(file), List.of());

    assertThat(outcome).isInstanceOf(CommitOutcome.Committed.class);
    assertThat(text(store, file.key())).isEqualTo("rows 0-9");
    assertThat(store.get(file.stagingKey())).isEmpty();
    assertThat(ledger.latest(P).orElseThrow().watermark()).isEqualTo(Position.parse("9"));
  }

  @Test
  void theLatestCommitIsFoundInAFewReadsWhateverTheLedgerLength() {
    LocalFileStore store = new LocalFileStore(dir);
    Ledger ledger = ledger(store, "a");
    assertThat(ledger.latest(P)).isEmpty();
    for (int seq = 1; seq <= 37; seq++) {
      ledger.commit(P, seq, Position.of(seq * 10L), List.of(), List.of());
    }
    CountingStore counting = new CountingStore(store);

    assertThat(ledger(counting, "b").latest(P).orElseThrow().seq()).isEqualTo(37);
    assertThat(counting.gets).isLessThanOrEqualTo(16);
  }

  @Test
  void ofAZombieAndItsSuccessorExactlyOneWinsASeqAndTheLoserLeavesNoFile() {
    LocalFileStore store = new LocalFileStore(dir);
    Ledger zombie = ledger(store, "zombie");
    Ledger successor = ledger(store, "successor");
    StagedFile zombieFile = staged(zombie, "lake/orders/orders+3+100.parquet", "100", "180", "zombie rows 100-180");
    StagedFile successorFile = staged(successor, "lake/orders/orders+3+100.parquet", "100", "150",
        "successor rows 100-150");

    CommitOutcome first = successor.commit(P, 1, Position.parse("150"), List.of(successorFile), List.of());
    CommitOutcome second = zombie.commit(P, 1, Position.parse("180"), List.of(zombieFile), List.of());

    assertThat(first).isInstanceOf(CommitOutcome.Committed.class);
    assertThat(second).isEqualTo(new CommitOutcome.Lost(((CommitOutcome.Committed) first).record()));
    assertThat(text(store, "lake/orders/orders+3+100.parquet")).isEqualTo("successor rows 100-150");
    assertThat(store.get(zombieFile.stagingKey())).isEmpty();
    assertThat(store.list("lake/_tributary/staging/")).isEmpty();
  }

  @Test
  void aCommitWhoseWriterDiedBeforePublishingIsPublishedOnRecovery() {
    FaultInjectingStore faulty = new FaultInjectingStore(new LocalFileStore(dir));
    Ledger dying = ledger(faulty, "dying");
    StagedFile file = staged(dying, "lake/orders/orders+3+0.parquet", "0", "5", "rows");
    faulty.crashWhen((op, key) -> op.equals("copy") && key.equals(file.key()));

    assertThatThrownBy(() -> dying.commit(P, 1, Position.parse("5"), List.of(file), List.of()))
        .isInstanceOf(FaultInjectingStore.Crash.class);
    assertThat(faulty.get(file.key())).isEmpty();

    CommitRecord recovered = ledger(new LocalFileStore(dir), "next").recover(P).orElseThrow();
    assertThat(recovered.watermark()).isEqualTo(Position.parse("5"));
    assertThat(text(faulty, file.key())).isEqualTo("rows");
    assertThat(faulty.get(file.stagingKey())).isEmpty();
  }

  @Test
  void racingCommittersBuildOneContiguousLedgerWithoutOverlaps() throws Exception {
    int writers = 4;
    int commitsEach = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> wins = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      Ledger ledger = ledger(new LocalFileStore(dir), "w" + w);
      wins.add(pool.submit(() -> {
        start.await();
        int won = 0;
        for (int i = 0; i < commitsEach; i++) {
          long seq = ledger.latest(P).map(CommitRecord::seq).orElse(0L) + 1;
          if (ledger.commit(P, seq, Position.of(seq * 100), List.of(), List.of())
              instanceof CommitOutcome.Committed) {
            won++;
          }
        }
        return won;
      }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> f : wins) {
      total += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    CommitRecord last = ledger(new LocalFileStore(dir), "reader").latest(P).orElseThrow();
    assertThat(last.seq()).isEqualTo(total);
    assertThat(last.watermark()).isEqualTo(Position.of(total * 100L));
  }

  @Test
  void aRecordAboveTheWatermarkIsDurableOnlyInARangeOfItsOwnBuffer() {
    LocalFileStore store = new LocalFileStore(dir);
    Ledger ledger = ledger(store, "a");
    // The current hour rolled (records 10..40 of its buffer) while hour 05 still holds record 12.
    StagedFile current = staged(ledger, "lake/orders/hour=06/orders+3+10.parquet", "10", "40", "rows");
    ledger.commit(P, 1, Position.parse("9"), List.of(current), List.of(current.range()));

    CommitRecord latest = ledger.recover(P).orElseThrow();
    String currentKey = current.range().bufferKey();
    assertThat(latest.isDurable("lake/orders/hour=05/", Position.parse("3"))).isTrue();
    assertThat(latest.isDurable(currentKey, Position.parse("11"))).isTrue();
    assertThat(latest.isDurable("lake/orders/hour=05/", Position.parse("12"))).isFalse();
    assertThat(latest.isDurable(currentKey, Position.parse("41"))).isFalse();
    assertThat(latest.above()).containsExactly(current.range());
  }

  @Test
  void kinesisSizedPositionsRoundTripThroughTheLedgerAsDecimalText() {
    LocalFileStore store = new LocalFileStore(dir);
    Ledger ledger = ledger(store, "a");
    String seq = "49590338271490256608559692538361571095921575989136588898";
    Position first = Position.parse(seq + "000000");
    Position last = Position.parse(seq + "000041");
    StagedFile file = staged(ledger, "lake/orders/orders+3+" + first + ".parquet", first.toString(), last.toString(),
        "rows");
    ledger.commit(P, 1, first.before(), List.of(file), List.of(file.range()));

    CommitRecord recovered = ledger(store, "b").recover(P).orElseThrow();
    assertThat(recovered.watermark()).isEqualTo(first.before());
    assertThat(recovered.above()).containsExactly(new DurableRange(file.range().bufferKey(), first, last));
    assertThat(recovered.isDurable(file.range().bufferKey(), Position.parse(seq + "000007"))).isTrue();
    assertThat(text(store, "lake/_tributary/ledger/orders/3/00000000000000000001.json"))
        .contains("\"watermark\":\"" + first.before() + "\"", "\"first\":\"" + first + "\"",
            "\"last\":\"" + last + "\"");
  }

  /** Counts reads, to show that finding the latest commit does not read the whole ledger. */
  private static final class CountingStore extends ForwardingStore {
    int gets;

    CountingStore(ObjectStore delegate) {
      super(delegate);
    }

    @Override
    public java.util.Optional<byte[]> get(String key) {
      gets++;
      return delegate.get(key);
    }
  }
}
