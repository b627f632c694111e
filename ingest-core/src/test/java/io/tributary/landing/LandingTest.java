package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.DuckDb;
import io.tributary.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingTest {
  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-21T06:30:00Z"));

  @Test
  void recordsOfSeveralPartitionsAndDatasetsLandOnceInDataOrErrors() throws Exception {
    Landing landing = LandingFixture.landing(new LocalFileStore(dir), "a", 50, clock);
    List<SourceRecord> all = new ArrayList<>();
    for (String stream : List.of("orders", "strict")) {
      for (String partition : List.of("0", "1")) {
        all.addAll(LandingFixture.records(stream, partition, 120));
        landing.assign(new SourcePartition(stream, partition));
      }
    }
    int errors = 0;
    for (SourceRecord record : all) {
      if (landing.accept(record) == Landing.Outcome.ERROR) {
        errors++;
      }
    }
    landing.close();

    Map<String, Long> counts = LandingFixture.landedCounts(dir);
    assertThat(counts).hasSize(all.size());
    assertThat(counts.values()).containsOnly(1L);
    try (DuckDb duck = DuckDb.open()) {
      Map<String, Object> byType = duck.row("SELECT count(*) FILTER (WHERE error_type = 'DECODE') AS decode, "
          + "count(*) FILTER (WHERE error_type = 'OVERSIZE') AS oversize, "
          + "count(*) FILTER (WHERE error_type = 'TOO_DEEP') AS too_deep, "
          + "count(*) FILTER (WHERE error_type = 'EVENT_TIME') AS event_time, "
          + "count(*) FILTER (WHERE error_type = 'SCHEMA') AS schema, count(*) AS total "
          + "FROM read_parquet('" + dir.resolve("errors") + "/**/*.parquet')");
      assertThat(((Number) byType.get("total")).intValue()).isEqualTo(errors);
      assertThat(((Number) byType.get("decode")).intValue()).isEqualTo(4 * 9);
      assertThat(((Number) byType.get("oversize")).intValue()).isEqualTo(4 * 9);
      assertThat(((Number) byType.get("too_deep")).intValue()).isEqualTo(4 * 9);
      assertThat(((Number) byType.get("event_time")).intValue()).isEqualTo(4 * 9);
      // The strict dataset refuses the second half's new column.
      assertThat(((Number) byType.get("schema")).intValue()).isPositive();
    }
    assertThat(landing.checkpoint(new SourcePartition("orders", "0"))).isEmpty();
  }

  @Test
  void theCheckpointNeverPassesABufferedRecord() {
    Landing landing = LandingFixture.landing(new LocalFileStore(dir), "a", 1_000_000, clock);
    SourcePartition p = new SourcePartition("orders", "0");
    landing.assign(p);
    List<SourceRecord> records = LandingFixture.records("orders", "0", 40);
    for (SourceRecord record : records.subList(0, 20)) {
      landing.accept(record);
    }
    assertThat(landing.checkpoint(p)).isEmpty();

    clock.advance(Duration.ofMinutes(6));
    landing.rollDue();
    assertThat(landing.checkpoint(p)).contains(Position.parse("19"));
    landing.accept(records.get(20));
    assertThat(landing.checkpoint(p)).contains(Position.parse("19"));
  }

  @Test
  void aSourceThatGoesBackWithoutARebalanceLandsNothingTwice() throws Exception {
    // Kafka Streams seeks a task back to its committed offset after a failed commit, without a rebalance.
    Landing landing = LandingFixture.landing(new LocalFileStore(dir), "a", 1_000_000, clock);
    SourcePartition p = new SourcePartition("orders", "0");
    landing.assign(p);
    List<SourceRecord> records = LandingFixture.records("orders", "0", 40);
    for (SourceRecord record : records.subList(0, 20)) {
      landing.accept(record);
    }
    clock.advance(Duration.ofMinutes(6));
    landing.rollDue();
    for (SourceRecord record : records.subList(20, 30)) {
      landing.accept(record);
    }
    for (SourceRecord record : records.subList(10, 30)) {
      assertThat(landing.accept(record)).as("record %s again", record.position())
          .isEqualTo(Landing.Outcome.DUPLICATE);
    }
    for (SourceRecord record : records.subList(30, 40)) {
      assertThat(landing.accept(record)).isNotEqualTo(Landing.Outcome.DUPLICATE);
    }
    landing.close();

    Map<String, Long> counts = LandingFixture.landedCounts(dir);
    assertThat(counts).hasSize(40);
    assertThat(counts.values()).containsOnly(1L);
  }

  @Test
  void aSchemaChangeInTheMiddleOfAWindowMakesNoExtraFile() throws Exception {
    Landing landing = LandingFixture.landing(new LocalFileStore(dir), "a", 1_000_000, clock);
    landing.assign(new SourcePartition("orders", "0"));
    for (int i = 0; i < 30; i++) {
      String extra = i < 10 ? "" : i < 20 ? ", \"b\": \"x\"" : ", \"b\": \"y\", \"c\": {\"d\": 1.5}";
      landing.accept(record("orders", i, "{\"ts\": " + (LandingFixture.HOUR_06 + i) + extra + "}"));
    }
    landing.close();

    // Versions: the first (ts waits for its type), b, c, and ts decided LONG at the roll: still one file.
    assertThat(LandingFixture.parquetFiles(dir.resolve("lake/orders"))).isEqualTo(1);
    try (DuckDb duck = DuckDb.open()) {
      Map<String, Object> row = duck.row("SELECT count(*) AS n, count(b) AS b, count(c) AS c FROM read_parquet('"
          + dir.resolve("lake/orders") + "/**/*.parquet')");
      assertThat(row).containsEntry("n", 30L).containsEntry("b", 20L).containsEntry("c", 10L);
      assertThat(duck.value("SELECT max(tributary_version) FROM (SELECT CAST(value AS VARCHAR) AS tributary_version "
          + "FROM parquet_kv_metadata('" + dir.resolve("lake/orders") + "/**/*.parquet') "
          + "WHERE CAST(key AS VARCHAR) = 'tributary.schema.version')")).isEqualTo("4");
    }
  }

  @Test
  void aLateEventGoesToItsOwnFileAndDoesNotRollTheCurrentOne() throws Exception {
    Landing landing = LandingFixture.landing(new LocalFileStore(dir), "a", 1_000_000, clock);
    SourcePartition p = new SourcePartition("orders", "0");
    landing.assign(p);
    long hour05 = LandingFixture.HOUR_06 - 3_600_000L;
    for (int i = 0; i < 10; i++) {
      landing.accept(record("orders", i, "{\"ts\": " + (LandingFixture.HOUR_06 + i) + "}"));
    }
    landing.accept(record("orders", 10, "{\"ts\": " + hour05 + "}"));
    clock.advance(Duration.ofMinutes(3));
    for (int i = 11; i < 20; i++) {
      landing.accept(record("orders", i, "{\"ts\": " + (LandingFixture.HOUR_06 + i) + "}"));
    }
    clock.advance(Duration.ofMinutes(3));
    landing.rollDue();

    // Both buffers were opened more than 5 minutes ago: both roll on age, each into one file of its own hour.
    assertThat(LandingFixture.parquetFiles(dir.resolve("lake/orders/year=2025/month=11/day=21/hour=06")))
        .isEqualTo(1);
    assertThat(LandingFixture.parquetFiles(dir.resolve("lake/orders/year=2025/month=11/day=21/hour=05")))
        .isEqualTo(1);
    try (DuckDb duck = DuckDb.open()) {
      assertThat(duck.value("SELECT count(*) FROM read_parquet('" + dir.resolve("lake/orders")
          + "/**/hour=06/*.parquet')")).isEqualTo(19L);
    }
    assertThat(landing.checkpoint(p)).contains(Position.parse("19"));
  }

  @Test
  void overTheMemoryBudgetTheLargestBuffersRollEarlyAndNothingIsLost() throws Exception {
    Landing landing = new Landing(LandingFixture.settings("a", 1_000_000, 256 * 1024), new LocalFileStore(dir), clock);
    SourcePartition p = new SourcePartition("orders", "0");
    landing.assign(p);
    int count = 3000;
    long peak = 0;
    for (int i = 0; i < count; i++) {
      // 300 distinct hours: 300 open partition paths.
      long ts = LandingFixture.HOUR_06 - (i % 300) * 3_600_000L;
      landing.accept(record("orders", i, "{\"ts\": " + ts + ", \"pad\": \"" + "p".repeat(200) + "\"}"));
      peak = Math.max(peak, landing.bufferedBytes());
    }
    landing.close();

    assertThat(peak).isLessThanOrEqualTo(256 * 1024 + 64 * 1024);
    Map<String, Long> counts = LandingFixture.landedCounts(dir);
    assertThat(counts).hasSize(count);
    assertThat(counts.values()).containsOnly(1L);
  }

  @Test
  void aSingleBufferRollsAtAQuarterOfTheBudgetSoItsFlushFitsBesideTheRest() throws Exception {
    // One dataset, one hour, one source partition: a single open buffer and a large rolling size. Encoding a buffer
    // needs memory the budget does not count, so one buffer may not grow to the whole budget.
    long budget = 1L << 20;
    Landing landing = new Landing(LandingFixture.settings("a", 1_000_000, budget), new LocalFileStore(dir), clock);
    SourcePartition p = new SourcePartition("orders", "0");
    landing.assign(p);
    int count = 20_000;
    long peak = 0;
    for (int i = 0; i < count; i++) {
      landing.accept(record("orders", i, "{\"ts\": " + LandingFixture.HOUR_06 + ", \"i\": " + i
          + ", \"pad\": \"" + "p".repeat(200) + "\"}"));
      peak = Math.max(peak, landing.bufferedBytes());
    }
    landing.close();

    assertThat(peak).isLessThanOrEqualTo(budget / 4 + 64 * 1024);
    assertThat(LandingFixture.parquetFiles(dir.resolve("lake/orders/year=2025/month=11/day=21/hour=06")))
        .isGreaterThan(4);
    Map<String, Long> counts = LandingFixture.landedCounts(dir);
    assertThat(counts).hasSize(count);
    assertThat(counts.values()).containsOnly(1L);
  }

  @Test
  void aRecordWithNoDatasetLandsInTheUnroutedErrorsAndTheRestFlows() throws Exception {
    LandingSettings byType = LandingFixture.settings("a", 1_000_000, 64L << 20);
    LandingSettings settings = new LandingSettings(byType.prefix(), byType.errorPrefix(), byType.instanceId(),
        byType.limits(), io.tributary.routing.DatasetRouters.byField("type", null), byType.datasets(),
        byType.errorGranularity(), byType.errorRolling(), byType.parquet(), byType.memoryBudgetBytes());
    Landing landing = new Landing(settings, new LocalFileStore(dir), clock);
    landing.assign(new SourcePartition("mixed", "0"));
    assertThat(landing.accept(record("mixed", 0, "{\"type\": \"click\", \"ts\": 1}"))).isEqualTo(Landing.Outcome.LANDED);
    assertThat(landing.accept(record("mixed", 1, "{\"ts\": 1}"))).isEqualTo(Landing.Outcome.ERROR);
    assertThat(landing.accept(record("mixed", 2, "{\"type\": \"view\", \"ts\": 1}"))).isEqualTo(Landing.Outcome.LANDED);
    landing.close();

    try (DuckDb duck = DuckDb.open()) {
      Map<String, Object> error = duck.row("SELECT error_type, error_message, \"offset\" FROM read_parquet('"
          + dir.resolve("errors/_unrouted") + "/**/*.parquet', hive_partitioning=true)");
      assertThat(error).containsEntry("error_type", "ROUTING").containsEntry("offset", "1");
      assertThat((String) error.get("error_message")).contains("type");
      assertThat(LandingFixture.parquetFiles(dir.resolve("lake/click"))).isEqualTo(1);
      assertThat(LandingFixture.parquetFiles(dir.resolve("lake/view"))).isEqualTo(1);
    }
  }

  private static SourceRecord record(String stream, int offset, String json) {
    return new SourceRecord(stream, "0", Position.of(offset), null, List.of(), LandingFixture.HOUR_06,
        json.getBytes(StandardCharsets.UTF_8));
  }
}
