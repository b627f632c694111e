package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.FaultInjectingStore;
import io.tributary.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crashes the landing layer at every step of a flush, restarts it on the same store, replays the source from the
 * last checkpoint it was given, and counts every record in the data and error files with DuckDB: each exactly once.
 */
class LandingCrashTest {
  private static final int RECORDS = 130;
  private static final SourcePartition P = new SourcePartition("orders", "0");

  @TempDir Path dir;

  static Stream<Arguments> crashPoints() {
    BiPredicate<String, String> stage = (op, key) -> op.equals("put") && key.contains("/_tributary/staging/");
    BiPredicate<String, String> commit = (op, key) -> op.equals("putIfAbsent") && key.contains("/_tributary/ledger/");
    BiPredicate<String, String> publish = (op, key) -> op.equals("copy") && key.endsWith(".parquet");
    BiPredicate<String, String> unstage = (op, key) -> op.equals("delete") && key.contains("/_tributary/staging/");
    BiPredicate<String, String> schema = (op, key) -> op.equals("putIfAbsent") && key.contains("/_schemas/");
    return Stream.of(
        Arguments.of("before the first file upload of a flush", stage, 1, false),
        Arguments.of("between file uploads", stage, 2, false),
        Arguments.of("between file uploads, later flush", stage, 9, false),
        Arguments.of("after the uploads, before the commit", commit, 1, false),
        Arguments.of("after the uploads, before a later commit", commit, 3, false),
        Arguments.of("right after the commit", commit, 2, true),
        Arguments.of("between publishing files", publish, 2, false),
        Arguments.of("right after publishing a file", publish, 1, true),
        Arguments.of("after publishing, before removing the staged copy", unstage, 4, false),
        Arguments.of("while publishing a schema version", schema, 2, false),
        Arguments.of("right after publishing a schema version", schema, 2, true));
  }

  @ParameterizedTest(name = "crash {0}")
  @MethodSource("crashPoints")
  void aRestartAfterACrashLandsEveryRecordExactlyOnce(String name, BiPredicate<String, String> rule, int occurrence,
      boolean afterCall) throws Exception {
    crashAndRestart(name, rule, occurrence, afterCall, 10, 0, 0);
  }

  /**
   * The same with wall-clock rolls only: the first run rolls every 7 records' worth of time, the restarted one
   * every 11, so the files of the replay are cut differently from the files of the first run.
   */
  @ParameterizedTest(name = "crash {0}, wall-clock rolls")
  @MethodSource("crashPoints")
  void wallClockRollsKeepExactlyOnceThroughACrash(String name, BiPredicate<String, String> rule, int occurrence,
      boolean afterCall) throws Exception {
    crashAndRestart(name, rule, occurrence, afterCall, 1_000_000, 7, 11);
  }

  private void crashAndRestart(String name, BiPredicate<String, String> rule, int occurrence, boolean afterCall,
      long maxRecords, int firstTick, int secondTick) throws Exception {
    List<SourceRecord> records = LandingFixture.records("orders", "0", RECORDS);
    MutableClock clock = new MutableClock(Instant.parse("2025-11-21T06:30:00Z"));
    FaultInjectingStore faulty = new FaultInjectingStore(new LocalFileStore(dir));
    faulty.crashAt(rule, occurrence, afterCall);

    Landing first = LandingFixture.landing(faulty, "first", maxRecords, clock);
    first.assign(P);
    Position sourceCheckpoint = null;
    boolean crashed = false;
    int taken = 0;
    for (SourceRecord record : records) {
      try {
        first.accept(record);
        tick(first, clock, firstTick, ++taken);
        sourceCheckpoint = first.checkpoint(P).orElse(sourceCheckpoint);
      } catch (FaultInjectingStore.Crash crash) {
        crashed = true;
        break;
      }
    }
    if (!crashed) {
      fail("The crash point '" + name + "' was never reached");
    }

    // The process is gone; a new one recovers from the store and the source replays from its checkpoint.
    Landing second = LandingFixture.landing(new LocalFileStore(dir), "second", maxRecords, clock);
    second.assign(P);
    int resumeAt = sourceCheckpoint == null ? 0 : (int) sourceCheckpoint.toLong() + 1;
    taken = 0;
    for (SourceRecord record : records.subList(resumeAt, records.size())) {
      second.accept(record);
      tick(second, clock, secondTick, ++taken);
    }
    second.close();

    Map<String, Long> counts = LandingFixture.landedCounts(dir);
    assertThat(counts).as("records landed").hasSize(RECORDS);
    assertThat(counts.entrySet()).as("records landed more than once")
        .filteredOn(e -> e.getValue() != 1L).isEmpty();
    try (Stream<Path> staged = Files.walk(dir)) {
      assertThat(staged.filter(p -> p.toString().contains("_tributary/staging")).filter(Files::isRegularFile)
          .count()).as("staged copies left of committed flushes").isLessThanOrEqualTo(
              name.contains("before the commit") || name.contains("upload") ? 8 : 0);
    }
  }

  /** Every {@code every} records, three minutes pass and buffers older than five minutes roll. */
  private static void tick(Landing landing, MutableClock clock, int every, int taken) {
    if (every > 0 && taken % every == 0) {
      clock.advance(java.time.Duration.ofMinutes(3));
      landing.rollDue();
    }
  }
}
