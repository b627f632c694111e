package io.tributary.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Guards that each source's lag lands in the measure it reports, and that a given-up partition leaves it. */
class LagTrackerTest {

  private final SourcePartition a = new SourcePartition("orders", "0");
  private final SourcePartition b = new SourcePartition("orders", "1");

  @Test
  void recordsBehindAreReportedAsRecordsAndAPartitionGivenUpLeaves() {
    LagTracker lag = new LagTracker(LagTracker.Unit.RECORDS);
    lag.update(a, 5);
    lag.update(b, 7);
    lag.update(a, 2);
    lag.remove(b);

    SourceLag snapshot = lag.snapshot();
    assertThat(snapshot.recordsBehind()).containsExactlyEntriesOf(java.util.Map.of(a, 2L));
    assertThat(snapshot.millisBehind()).isEmpty();
  }

  @Test
  void millisBehindAreReportedAsMillis() {
    LagTracker lag = new LagTracker(LagTracker.Unit.MILLIS);
    lag.update(a, 1_500);

    SourceLag snapshot = lag.snapshot();
    assertThat(snapshot.millisBehind()).containsExactlyEntriesOf(java.util.Map.of(a, 1_500L));
    assertThat(snapshot.recordsBehind()).isEmpty();
  }
}
