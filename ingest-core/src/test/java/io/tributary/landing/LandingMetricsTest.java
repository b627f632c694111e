package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.source.SourcePartition;
import io.tributary.error.ErrorType;
import io.tributary.buffer.RollReason;
import io.tributary.metrics.MetricTags;
import io.tributary.metrics.TributaryMeter;
import io.tributary.schema.SchemaHistory;
import io.tributary.source.Position;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.DuckDb;
import io.tributary.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the landing metrics (DESIGN §9): a real {@link Landing} over a {@link LocalFileStore}, its meters in a
 * {@link SimpleMeterRegistry}, and every value compared with what the landing returned or the files on disk hold:
 * records in by outcome, bytes in, errors by type and dataset, rows, files and bytes written only when committed,
 * rescued values, schema versions created, latency from source timestamp to commit, freshness, buffered bytes and
 * flush duration.
 */
class LandingMetricsTest {
  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-21T06:30:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void everyRecordIsCountedUnderItsOutcomeAndEveryBadOneUnderItsErrorType() throws Exception {
    Landing landing = landing(1_000_000);
    List<SourceRecord> records = new ArrayList<>();
    for (String stream : List.of("orders", "strict")) {
      landing.assign(new SourcePartition(stream, "0"));
      records.addAll(LandingFixture.records(stream, "0", 130));
    }
    Map<Landing.Outcome, Long> outcomes = new EnumMap<>(Landing.Outcome.class);
    long payloadBytes = 0;
    for (SourceRecord record : records) {
      outcomes.merge(landing.accept(record), 1L, Long::sum);
      payloadBytes += record.value().length;
    }

    assertThat(count(TributaryMeter.RECEIVED_RECORDS, MetricTags.OUTCOME, MetricTags.LANDED))
        .isEqualTo(outcomes.get(Landing.Outcome.LANDED));
    assertThat(count(TributaryMeter.RECEIVED_RECORDS, MetricTags.OUTCOME, MetricTags.ERROR))
        .isEqualTo(outcomes.get(Landing.Outcome.ERROR));
    assertThat(count(TributaryMeter.RECEIVED_RECORDS, MetricTags.OUTCOME, MetricTags.DUPLICATE)).isZero();
    assertThat(count(TributaryMeter.RECEIVED_BYTES)).isEqualTo(payloadBytes);
    // Of every 13 records per stream: one each of malformed JSON, oversize and too deep (decode errors, before a
    // dataset is chosen) and of a bad event time (routed first).
    assertThat(errors(ErrorType.DECODE, MetricTags.UNROUTED)).isEqualTo(20);
    assertThat(errors(ErrorType.OVERSIZE, MetricTags.UNROUTED)).isEqualTo(20);
    assertThat(errors(ErrorType.TOO_DEEP, MetricTags.UNROUTED)).isEqualTo(20);
    assertThat(errors(ErrorType.EVENT_TIME, "orders")).isEqualTo(10);
    assertThat(errors(ErrorType.EVENT_TIME, "strict")).isEqualTo(10);
    // The strict dataset refuses every record of the second half, which brings a new column.
    assertThat(errors(ErrorType.SCHEMA, "strict")).isPositive()
        .isEqualTo(outcomes.get(Landing.Outcome.ERROR) - 80);
    assertThat(errors(ErrorType.SCHEMA, "orders")).isZero();
    // Records no dataset was chosen for have error counters and nothing else.
    assertThat(registry.getMeters()).filteredOn(m -> MetricTags.UNROUTED.equals(m.getId().getTag(MetricTags.DATASET)))
        .extracting(m -> m.getId().getName()).containsOnly(TributaryMeter.ERROR_RECORDS.meterName());

    landing.close();
    try (DuckDb duck = DuckDb.open()) {
      for (String dataset : List.of("orders", "strict")) {
        long rows = ((Number) duck.value("SELECT count(*) FROM read_parquet('" + dir.resolve("lake").resolve(dataset)
            + "/**/*.parquet')")).longValue();
        assertThat(count(TributaryMeter.WRITTEN_RECORDS, MetricTags.DATASET, dataset)).isEqualTo(rows);
      }
    }
    assertThat(count(TributaryMeter.WRITTEN_RECORDS, MetricTags.DATASET, "orders")
        + count(TributaryMeter.WRITTEN_RECORDS, MetricTags.DATASET, "strict"))
        .isEqualTo(outcomes.get(Landing.Outcome.LANDED));
    assertThat(count(TributaryMeter.WRITTEN_FILES, MetricTags.KIND, MetricTags.DATA))
        .isEqualTo(LandingFixture.parquetFiles(dir.resolve("lake")));
    assertThat(count(TributaryMeter.WRITTEN_FILES, MetricTags.KIND, MetricTags.ERROR))
        .isEqualTo(LandingFixture.parquetFiles(dir.resolve("errors")));
    assertThat(count(TributaryMeter.WRITTEN_BYTES, MetricTags.KIND, MetricTags.DATA))
        .isEqualTo(parquetBytes(dir.resolve("lake")));
    assertThat(count(TributaryMeter.WRITTEN_BYTES, MetricTags.KIND, MetricTags.ERROR))
        .isEqualTo(parquetBytes(dir.resolve("errors")));
  }

  @Test
  void aFlushCountsItsRowsFilesAndBytesOnlyOnceCommitted() throws Exception {
    Landing landing = landing(1_000_000);
    landing.assign(new SourcePartition("orders", "0"));
    for (int i = 0; i < 20; i++) {
      landing.accept(record("orders", "0", i, LandingFixture.HOUR_06 + i, "{\"ts\": " + (LandingFixture.HOUR_06 + i)
          + "}"));
    }
    assertThat(count(TributaryMeter.WRITTEN_FILES, MetricTags.KIND, MetricTags.DATA)).isZero();
    assertThat(count(TributaryMeter.WRITTEN_RECORDS, MetricTags.DATASET, "orders")).isZero();
    assertThat(timer(TributaryMeter.FLUSH_DURATION).count()).isZero();

    clock.advance(Duration.ofMinutes(6));
    landing.rollDue();

    assertThat(LandingFixture.parquetFiles(dir.resolve("lake/orders"))).isEqualTo(1);
    assertThat(count(TributaryMeter.WRITTEN_FILES, MetricTags.KIND, MetricTags.DATA)).isEqualTo(1);
    assertThat(count(TributaryMeter.WRITTEN_BYTES, MetricTags.KIND, MetricTags.DATA))
        .isEqualTo(parquetBytes(dir.resolve("lake/orders"))).isPositive();
    assertThat(count(TributaryMeter.WRITTEN_RECORDS, MetricTags.DATASET, "orders")).isEqualTo(20);
    assertThat(count(TributaryMeter.WRITTEN_FILES, MetricTags.KIND, MetricTags.ERROR)).isZero();
    assertThat(timer(TributaryMeter.FLUSH_DURATION).count()).isEqualTo(1);
    assertThat(timer(TributaryMeter.FLUSH_DURATION).totalTime(TimeUnit.NANOSECONDS)).isPositive();
  }

  @Test
  void replaysAfterARestartAreCountedAsDuplicatesAndWrittenNoMore() {
    LocalFileStore store = new LocalFileStore(dir);
    List<SourceRecord> records = LandingFixture.records("orders", "0", 26);
    Landing first = new Landing(LandingFixture.settings("a", 1_000_000, 64L << 20), store, clock);
    first.assign(new SourcePartition("orders", "0"));
    records.forEach(first::accept);
    first.close();

    Landing second = new Landing(LandingFixture.settings("b", 1_000_000, 64L << 20), store, clock,
        Backoff.exponential(), registry);
    second.assign(new SourcePartition("orders", "0"));
    records.forEach(second::accept);
    second.close();

    assertThat(count(TributaryMeter.RECEIVED_RECORDS, MetricTags.OUTCOME, MetricTags.DUPLICATE)).isEqualTo(26);
    assertThat(count(TributaryMeter.RECEIVED_RECORDS, MetricTags.OUTCOME, MetricTags.LANDED)).isZero();
    assertThat(count(TributaryMeter.RECEIVED_RECORDS, MetricTags.OUTCOME, MetricTags.ERROR)).isZero();
    assertThat(count(TributaryMeter.WRITTEN_FILES, MetricTags.KIND, MetricTags.DATA)).isZero();
    assertThat(count(TributaryMeter.WRITTEN_FILES, MetricTags.KIND, MetricTags.ERROR)).isZero();
    assertThat(registry.find(TributaryMeter.ERROR_RECORDS.meterName()).counters()).isEmpty();
  }

  @Test
  void rescuedValuesAndRowsAndTheSchemaVersionsThisInstanceCreatedAreCountedPerDataset() {
    LocalFileStore store = new LocalFileStore(dir);
    Landing landing = landing(store, registry);
    landing.assign(new SourcePartition("orders", "0"));
    long ts = LandingFixture.HOUR_06;
    landing.accept(record("orders", "0", 0, ts, "{\"ts\": " + ts + ", \"n\": 1, \"b\": true}"));
    landing.accept(record("orders", "0", 1, ts, "{\"ts\": " + ts + ", \"n\": \"one\"}"));
    landing.accept(record("orders", "0", 2, ts, "{\"ts\": " + ts + ", \"n\": \"two\", \"b\": \"yes\"}"));
    landing.accept(record("orders", "0", 3, ts, "{\"ts\": " + ts + ", \"n\": 3, \"c\": 1.5}"));
    landing.close();

    assertThat(count(TributaryMeter.RESCUED_VALUES, MetricTags.DATASET, "orders")).isEqualTo(3);
    assertThat(count(TributaryMeter.RESCUED_RECORDS, MetricTags.DATASET, "orders")).isEqualTo(2);
    int versions = new SchemaHistory(store, "lake", "test", clock).entries("orders").size();
    // b; n decided LONG by the text that contradicts its first value; c; ts (whole only) decided at the roll.
    assertThat(versions).isEqualTo(4);
    assertThat(count(TributaryMeter.SCHEMA_VERSIONS, MetricTags.DATASET, "orders")).isEqualTo(versions);

    // Another instance that finds every column published creates no version.
    SimpleMeterRegistry next = new SimpleMeterRegistry();
    Landing restarted = landing(store, next);
    restarted.assign(new SourcePartition("orders", "0"));
    restarted.accept(record("orders", "0", 4, ts, "{\"ts\": " + ts + ", \"n\": 4, \"c\": 2.5}"));
    restarted.close();
    assertThat(next.get(TributaryMeter.SCHEMA_VERSIONS.meterName()).counter().count()).isZero();
    assertThat(next.get(TributaryMeter.WRITTEN_RECORDS.meterName()).counter().count()).isEqualTo(1);
  }

  @Test
  void latencyRunsFromTheOldestSourceTimestampOfEachFileToItsCommitWithP50AndP99() {
    Landing landing = landing(1_000_000);
    long[] oldestMinute = {0, 10, 20};
    for (int p = 0; p < oldestMinute.length; p++) {
      String partition = Integer.toString(p);
      landing.assign(new SourcePartition("orders", partition));
      for (int i = 0; i < 5; i++) {
        long sourceTs = LandingFixture.HOUR_06 + oldestMinute[p] * 60_000L + i * 1000L;
        landing.accept(record("orders", partition, i, sourceTs, "{\"ts\": " + sourceTs + "}"));
      }
    }
    clock.advance(Duration.ofMinutes(6));
    landing.rollDue();

    // Committed at 06:36: 36, 26 and 16 minutes after each file's oldest record.
    Timer latency = registry.get(TributaryMeter.LATENCY.meterName()).tag(MetricTags.DATASET, "orders").timer();
    assertThat(latency.count()).isEqualTo(3);
    assertThat(latency.max(TimeUnit.SECONDS)).isEqualTo(36 * 60);
    assertThat(latency.totalTime(TimeUnit.SECONDS)).isEqualTo((36 + 26 + 16) * 60);
    Map<Double, Double> percentiles = Stream.of(latency.takeSnapshot().percentileValues())
        .collect(Collectors.toMap(ValueAtPercentile::percentile, v -> v.value(TimeUnit.SECONDS)));
    assertThat(percentiles).containsOnlyKeys(0.5, 0.99);
    assertThat(percentiles.get(0.5)).isCloseTo(26 * 60, within(26 * 60 * 0.02));
    assertThat(percentiles.get(0.99)).isCloseTo(36 * 60, within(36 * 60 * 0.02));
  }

  @Test
  void freshnessIsTheAgeOfTheOldestBufferedRecordAndZeroOnceNothingIsBuffered() {
    Landing landing = landing(1_000_000);
    SourcePartition p0 = new SourcePartition("orders", "0");
    SourcePartition p1 = new SourcePartition("orders", "1");
    landing.assign(p0);
    landing.assign(p1);
    assertThat(gauge(TributaryMeter.FRESHNESS)).isZero();
    assertThat(gauge(TributaryMeter.BUFFERED_BYTES)).isZero();

    long ts = LandingFixture.HOUR_06;
    landing.accept(record("orders", "0", 0, ts, "{\"ts\": " + ts + "}"));
    assertThat(gauge(TributaryMeter.FRESHNESS)).isEqualTo(30 * 60);
    clock.advance(Duration.ofMinutes(3));
    assertThat(gauge(TributaryMeter.FRESHNESS)).isEqualTo(33 * 60);
    landing.accept(record("orders", "1", 0, ts + 600_000L, "{\"ts\": " + (ts + 600_000L) + "}"));
    assertThat(gauge(TributaryMeter.FRESHNESS)).isEqualTo(33 * 60);
    assertThat(gauge(TributaryMeter.BUFFERED_BYTES)).isEqualTo(landing.bufferedBytes()).isPositive();

    // Partition 0's buffer is 6 minutes old and rolls; partition 1's (opened 3 minutes later) stays.
    clock.advance(Duration.ofMinutes(3));
    landing.rollDue();
    assertThat(landing.checkpoint(p0)).contains(Position.parse("0"));
    assertThat(landing.checkpoint(p1)).isEmpty();
    assertThat(gauge(TributaryMeter.FRESHNESS)).isEqualTo(26 * 60);
    assertThat(gauge(TributaryMeter.BUFFERED_BYTES)).isEqualTo(landing.bufferedBytes()).isPositive();

    landing.drop(p1);
    assertThat(gauge(TributaryMeter.FRESHNESS)).isZero();
    assertThat(gauge(TributaryMeter.BUFFERED_BYTES)).isZero();
    landing.accept(record("orders", "0", 1, ts, "{\"ts\": " + ts + "}"));
    assertThat(gauge(TributaryMeter.FRESHNESS)).isEqualTo(36 * 60);
    landing.close();
    assertThat(gauge(TributaryMeter.FRESHNESS)).isZero();
    assertThat(gauge(TributaryMeter.BUFFERED_BYTES)).isZero();
  }

  @Test
  void everyCommittedFileIsCountedUnderWhyItsBufferRolled() {
    Landing landing = landing(5);
    SourcePartition p0 = new SourcePartition("orders", "0");
    landing.assign(p0);
    for (int i = 0; i < 12; i++) {
      landing.accept(record("orders", "0", i, LandingFixture.HOUR_06 + i, "{\"ts\": " + (LandingFixture.HOUR_06 + i)
          + "}"));
    }
    assertThat(rolled(RollReason.RECORDS)).isEqualTo(2);
    clock.advance(Duration.ofMinutes(6));
    landing.rollDue();
    assertThat(rolled(RollReason.AGE)).isEqualTo(1);
    landing.accept(record("orders", "0", 12, LandingFixture.HOUR_06, "{\"ts\": " + LandingFixture.HOUR_06 + "}"));
    assertThat(landing.revoke(p0)).contains(Position.of(12));
    assertThat(rolled(RollReason.REVOKE)).isEqualTo(1);
    landing.assign(new SourcePartition("orders", "1"));
    landing.accept(record("orders", "1", 0, LandingFixture.HOUR_06, "{\"ts\": " + LandingFixture.HOUR_06 + "}"));
    landing.close();
    assertThat(rolled(RollReason.SHUTDOWN)).isEqualTo(1);
    assertThat(rolled(RollReason.BYTES) + rolled(RollReason.MEMORY)).isZero();
    assertThat(count(TributaryMeter.WRITTEN_FILES, MetricTags.KIND, MetricTags.DATA)).isEqualTo(5);
  }

  @Test
  void aBufferOverItsShareOfTheMemoryBudgetRollsForMemory() {
    SimpleMeterRegistry tight = new SimpleMeterRegistry();
    Landing landing = new Landing(LandingFixture.settings("a", 1_000_000, 256 << 10), new LocalFileStore(dir), clock,
        Backoff.exponential(), tight);
    landing.assign(new SourcePartition("orders", "0"));
    for (int i = 0; i < 2000; i++) {
      landing.accept(record("orders", "0", i, LandingFixture.HOUR_06, "{\"ts\": " + LandingFixture.HOUR_06
          + ", \"pad\": \"" + "x".repeat(200) + "\"}"));
    }
    Counter memory = tight.find(TributaryMeter.ROLLED_FILES.meterName())
        .tags(MetricTags.REASON, RollReason.MEMORY.tag()).counter();
    assertThat(memory).isNotNull();
    assertThat(memory.count()).isPositive();
    assertThat(tight.find(TributaryMeter.ROLLED_FILES.meterName()).counters()).extracting(c -> c.getId().getTag(
        MetricTags.REASON)).containsExactlyInAnyOrder("age", "bytes", "records", "numbers", "memory", "revoke",
        "shutdown");
  }

  private long rolled(RollReason reason) {
    return count(TributaryMeter.ROLLED_FILES, MetricTags.REASON, reason.tag());
  }

  @Test
  void everyMeterCarriesExactlyTheTagKeysItsDefinitionDeclares() {
    Landing landing = landing(5);
    landing.assign(new SourcePartition("orders", "0"));
    LandingFixture.records("orders", "0", 40).forEach(landing::accept);
    landing.close();

    Set<String> seen = new HashSet<>();
    for (Meter meter : registry.getMeters()) {
      String name = meter.getId().getName();
      if (name.endsWith(".percentile")) {
        continue; // the registry's own gauges of the latency timer's percentiles
      }
      TributaryMeter definition = Stream.of(TributaryMeter.values()).filter(m -> m.meterName().equals(name))
          .findFirst().orElseThrow(() -> new AssertionError("undeclared meter " + name));
      assertThat(meter.getId().getType()).as(name).isEqualTo(definition.type());
      assertThat(meter.getId().getTags().stream().map(Tag::getKey)).as(name)
          .containsExactlyInAnyOrderElementsOf(definition.tagKeys());
      seen.add(name);
    }
    // Source lag is bound by the source's wiring, the catalog meters by the catalog: not by the landing.
    assertThat(seen).hasSize(TributaryMeter.values().length - 4);
  }

  private Landing landing(long maxRecords) {
    return new Landing(LandingFixture.settings("a", maxRecords, 64L << 20), new LocalFileStore(dir), clock,
        Backoff.exponential(), registry);
  }

  private Landing landing(LocalFileStore store, SimpleMeterRegistry into) {
    return new Landing(LandingFixture.settings("a", 1_000_000, 64L << 20), store, clock, Backoff.exponential(),
        into);
  }

  private long count(TributaryMeter meter, String... tags) {
    Counter counter = registry.find(meter.meterName()).tags(tags).counter();
    return counter == null ? 0 : (long) counter.count();
  }

  private long errors(ErrorType type, String dataset) {
    return count(TributaryMeter.ERROR_RECORDS, MetricTags.ERROR_TYPE, type.name(), MetricTags.DATASET, dataset);
  }

  private Timer timer(TributaryMeter meter) {
    return registry.get(meter.meterName()).timer();
  }

  private double gauge(TributaryMeter meter) {
    return registry.get(meter.meterName()).gauge().value();
  }

  private static long parquetBytes(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      long total = 0;
      for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).collect(Collectors.toList())) {
        total += Files.size(file);
      }
      return total;
    }
  }

  private static SourceRecord record(String stream, String partition, int offset, long sourceTs, String json) {
    return new SourceRecord(stream, partition, Position.of(offset), null, List.of(), sourceTs,
        json.getBytes(StandardCharsets.UTF_8));
  }
}
