package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.store.StoreException;
import io.tributary.testing.FaultInjectingStore;
import io.tributary.testing.ForwardingStore;
import io.tributary.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While the object store is down, the landing layer holds the source, keeps its rows, and loses nothing. */
class LandingOutageTest {
  private static final SourcePartition P = new SourcePartition("orders", "0");

  @TempDir Path dir;

  @Test
  void whileTheStoreIsDownTheSourceWaitsAndNothingIsLostOrDuplicated() throws Exception {
    FaultInjectingStore store = new FaultInjectingStore(new LocalFileStore(dir));
    List<String> pauses = new ArrayList<>();
    List<Long> bufferedDuringOutage = new ArrayList<>();
    Landing[] landing = new Landing[1];
    Backoff recordingBackoff = (attempt, failure) -> {
      pauses.add(failure.getMessage());
      bufferedDuringOutage.add(landing[0].bufferedBytes());
      if (attempt >= 4) {
        store.up();
      }
    };
    landing[0] = new Landing(LandingFixture.settings("a", 10, 64L << 20), store,
        new MutableClock(Instant.parse("2025-11-21T06:30:00Z")), recordingBackoff);
    landing[0].assign(P);
    List<SourceRecord> records = LandingFixture.records("orders", "0", 200);
    for (int i = 0; i < records.size(); i++) {
      if (i == 37 || i == 140) {
        store.down();
      }
      landing[0].accept(records.get(i));
    }
    landing[0].close();

    assertThat(pauses).hasSizeGreaterThanOrEqualTo(8).allMatch(m -> m.startsWith("Injected outage"));
    assertThat(bufferedDuringOutage).allMatch(bytes -> bytes <= 64L << 20);
    Map<String, Long> counts = LandingFixture.landedCounts(dir);
    assertThat(counts).hasSize(200);
    assertThat(counts.entrySet()).filteredOn(e -> e.getValue() != 1L).isEmpty();
  }

  @Test
  void aCommitWhoseAnswerWasLostIsRecognisedAsCommittedOnTheRetry() throws Exception {
    FaultInjectingStore store = new FaultInjectingStore(new LocalFileStore(dir));
    // The ledger record is written, then the store "fails" to answer: the retry must not lose or repeat it.
    store.crashAt((op, key) -> op.equals("putIfAbsent") && key.contains("/_tributary/ledger/"), 1, true);
    Landing landing = new Landing(LandingFixture.settings("a", 10, 64L << 20), new FailAsStoreError(store),
        new MutableClock(Instant.parse("2025-11-21T06:30:00Z")), (attempt, failure) -> { });
    landing.assign(P);
    LandingFixture.records("orders", "0", 60).forEach(landing::accept);
    landing.close();

    Map<String, Long> counts = LandingFixture.landedCounts(dir);
    assertThat(counts).hasSize(60);
    assertThat(counts.entrySet()).filteredOn(e -> e.getValue() != 1L).isEmpty();
  }

  /** Turns an injected crash into the retryable error a store gives when it cannot say how a call ended. */
  private static final class FailAsStoreError extends ForwardingStore {
    FailAsStoreError(io.tributary.store.ObjectStore delegate) {
      super(delegate);
    }

    private static StoreException unknown(FaultInjectingStore.Crash crash) {
      return new StoreException("Outcome unknown: " + crash.getMessage(), true, crash);
    }

    @Override
    public void put(String key, byte[] bytes) {
      try {
        delegate.put(key, bytes);
      } catch (FaultInjectingStore.Crash crash) {
        throw unknown(crash);
      }
    }

    @Override
    public boolean putIfAbsent(String key, byte[] bytes) {
      try {
        return delegate.putIfAbsent(key, bytes);
      } catch (FaultInjectingStore.Crash crash) {
        throw unknown(crash);
      }
    }
  }
}
