package io.tributary.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.app.Main;
import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.landing.Landing;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.DuckDb;
import io.tributary.testing.FaultInjectingStore;
import io.tributary.testing.LakeCounts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary replay}: error rows land after the cause is fixed (a limit raised, strict to evolve, a routing
 * fallback added), exactly once across replays and crashes; what still fails is counted and gets no second error
 * row; a dry run writes nothing. Counted with DuckDB by the events' own ids.
 */
class ReplayTest {
  private static final long HOUR_MILLIS = 1_796_000_400_000L;

  @TempDir
  Path dir;

  @Test
  void raisingTheRecordLimitLandsTheOversizeRowsOnceAndASecondReplayLandsNothing() throws Exception {
    String before = "limits:\n  max-record-bytes: 1KiB\n";
    land(before, "orders", "0", ids(0, 10, i -> i == 3 || i == 7 ? "{\"id\": " + i + ", \"pad\": \"" + "x".repeat(2000)
        + "\"}" : i == 8 ? "{\"id\": 8, \"broken\": " : "{\"id\": " + i + "}"));
    assertThat(errorRows()).isEqualTo(3);

    String after = "limits:\n  max-record-bytes: 4KiB\n";
    String out = replay(after);
    assertThat(out).contains("Replayed 3 error rows", "OVERSIZE   2 rows: 2 landed now, 0 landed by an earlier "
        + "replay, 0 still failing", "DECODE     1 rows: 0 landed now, 0 landed by an earlier replay, 1 still "
        + "failing", "1 x DECODE: ");
    assertThat(idCounts("orders")).hasSize(9).allSatisfy((id, n) -> assertThat(n).as("id " + id).isEqualTo(1L));
    assertThat(errorRows()).as("the originals stay, the still failing one gets no second row").isEqualTo(3);

    out = replay(after);
    assertThat(out).contains("OVERSIZE   2 rows: 0 landed now, 2 landed by an earlier replay, 0 still failing",
        "DECODE     1 rows: 0 landed now, 0 landed by an earlier replay, 1 still failing");
    assertThat(idCounts("orders")).hasSize(9).allSatisfy((id, n) -> assertThat(n).as("id " + id).isEqualTo(1L));
    assertThat(errorRows()).isEqualTo(3);
  }

  @Test
  void movingADatasetFromStrictToEvolveLandsItsSchemaRows() throws Exception {
    land("datasets:\n  orders:\n    policy: strict\n", "orders", "0",
        ids(0, 6, i -> i < 4 ? "{\"id\": " + i + "}" : "{\"id\": " + i + ", \"coupon\": \"C" + i + "\"}"));
    assertThat(errorRows()).isEqualTo(2);

    String out = replay("datasets:\n  orders:\n    policy: evolve\n");

    assertThat(out).contains("SCHEMA     2 rows: 2 landed now");
    assertThat(idCounts("orders")).hasSize(6).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    try (DuckDb duck = DuckDb.open()) {
      assertThat(duck.value("SELECT count(coupon) FROM " + dataset("orders"))).isEqualTo(2L);
    }
  }

  @Test
  void addingARoutingFallbackLandsTheUnroutedRowsInIt() throws Exception {
    String routing = "routing:\n  mode: field\n  field: kind\n";
    land(routing, "events", "0", ids(0, 5, i -> i % 2 == 0 ? "{\"id\": " + i + ", \"kind\": \"click\"}"
        : "{\"id\": " + i + "}"));
    assertThat(errorRows()).isEqualTo(2);

    String out = replay(routing + "  fallback-dataset: misc\n");

    assertThat(out).contains("ROUTING    2 rows: 2 landed now");
    assertThat(idCounts("misc")).containsOnlyKeys(1L, 3L).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    assertThat(idCounts("click")).containsOnlyKeys(0L, 2L, 4L);
  }

  @Test
  void aDryRunCountsWhatWouldLandAndWritesNothing() throws Exception {
    land("limits:\n  max-record-bytes: 1KiB\n", "orders", "0", ids(0, 4, i -> i == 1
        ? "{\"id\": 1, \"pad\": \"" + "x".repeat(2000) + "\"}" : "{\"id\": " + i + "}"));
    Map<String, Long> before = files();

    String out = replay("limits:\n  max-record-bytes: 4KiB\n", "--dry-run");

    assertThat(out).contains("Dry run (nothing written): replaying 1 error rows", "OVERSIZE   1 rows: 1 would land");
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void theFiltersTakeOnlyTheirDatasetAndErrorType() throws Exception {
    land("limits:\n  max-record-bytes: 1KiB\n", "orders", "0", ids(0, 3, i -> i == 0 ? "[1]"
        : "{\"id\": " + i + ", \"pad\": \"" + "x".repeat(2000) + "\"}"));

    String out = replay("limits:\n  max-record-bytes: 4KiB\n", "--error-type", "DECODE");

    assertThat(out).contains("Replayed 1 error rows", "DECODE     1 rows: 0 landed now").doesNotContain("OVERSIZE");
    assertThat(replay("limits:\n  max-record-bytes: 4KiB\n", "--dataset", "nosuch")).contains("none matched");
    assertThat(replay("limits:\n  max-record-bytes: 4KiB\n", "--until", "2020-01-01")).contains("none matched");
  }

  @Test
  void aReplayCrashedMidWayThenRunAgainLandsEveryRecordOnce() throws Exception {
    String before = "limits:\n  max-record-bytes: 1KiB\n";
    String big = "\"pad\": \"" + "x".repeat(2000) + "\"";
    land(before, "orders", "0", ids(0, 6, i -> "{\"id\": " + i + ", " + big + "}"));
    land(before, "orders", "1", ids(6, 12, i -> "{\"id\": " + i + ", " + big + "}"));
    assertThat(errorRows()).isEqualTo(12);
    ServiceConfig after = config("limits:\n  max-record-bytes: 4KiB\n");
    FaultInjectingStore crashing = new FaultInjectingStore(new LocalFileStore(lake()));
    // Dies right after the first partition's commit record is written, before its files are published.
    crashing.crashAt((operation, key) -> operation.equals("putIfAbsent") && key.contains("/ledger/"), 1, true);

    assertThatThrownBy(() -> new Replay(after.landingSettings(), crashing, Clock.systemUTC())
        .run(ReplayFilter.ALL, false)).isInstanceOf(FaultInjectingStore.Crash.class);
    assertThat(idCounts("orders")).as("nothing published yet").isEmpty();

    ReplaySummary summary = new Replay(after.landingSettings(), new LocalFileStore(lake()), Clock.systemUTC())
        .run(ReplayFilter.ALL, false);

    assertThat(summary.byType().get("OVERSIZE")).satisfies(c -> {
      assertThat(c.landedNow()).isEqualTo(6);
      assertThat(c.landedBefore()).as("committed by the crashed run, published on recovery").isEqualTo(6);
    });
    assertThat(idCounts("orders")).hasSize(12).allSatisfy((id, n) -> assertThat(n).as("id " + id).isEqualTo(1L));
    assertThat(errorRows()).isEqualTo(12);
  }

  @Test
  void aBadErrorTypeIsOneLineNamingTheTypes() throws Exception {
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"replay", "--config", configFile("").toString(), "--error-type", "OVERSIZED"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("Cannot replay: --error-type 'OVERSIZED' is not an error type: one"
        + " of [DECODE, OVERSIZE, TOO_DEEP, EVENT_TIME, SCHEMA, ROUTING]");
  }

  /** Lands records as the service does, under {@code stream}/{@code partition} at positions 0, 1, ... */
  private void land(String yaml, String stream, String partition, List<String> payloads) throws Exception {
    ServiceConfig service = config(yaml);
    Landing landing = new Landing(service.landingSettings(), service.openStore(), Clock.systemUTC());
    landing.assign(new SourcePartition(stream, partition));
    for (int i = 0; i < payloads.size(); i++) {
      landing.accept(SourceRecord.of(stream, partition, Integer.toString(i), HOUR_MILLIS + i,
          payloads.get(i).getBytes(StandardCharsets.UTF_8)));
    }
    landing.close();
  }

  private static List<String> ids(int from, int to, java.util.function.IntFunction<String> payload) {
    return java.util.stream.IntStream.range(from, to).mapToObj(payload).toList();
  }

  private String replay(String yaml, String... options) throws Exception {
    String[] args = Stream.concat(Stream.of("replay", "--config", configFile(yaml).toString()), Stream.of(options))
        .toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(status).as(err.toString()).isZero();
    return out.toString();
  }

  private ServiceConfig config(String yaml) throws Exception {
    return ServiceConfig.withoutSource(ConfigLoader.standard().load(configFile(yaml)));
  }

  private Path configFile(String yaml) throws Exception {
    return Files.writeString(dir.resolve("tributary.yaml"), "store:\n  type: local\n  path: " + lake() + "\n"
        + "errors:\n  rolling:\n    max-age: 1h\n" + yaml);
  }

  private Path lake() {
    return dir.resolve("lake");
  }

  private long errorRows() throws Exception {
    return LakeCounts.errors(lake().resolve("_errors")).values().stream().mapToLong(Long::longValue).sum();
  }

  private String dataset(String name) {
    return "read_parquet(" + DuckDb.literal(lake().resolve(name).resolve("**").resolve("*.parquet"))
        + ", hive_partitioning=true, union_by_name=true)";
  }

  /** How many rows of each id the dataset's data files hold. */
  private Map<Long, Long> idCounts(String name) throws Exception {
    Map<Long, Long> counts = new TreeMap<>();
    if (LakeCounts.parquetFiles(lake().resolve(name)) == 0) {
      return counts;
    }
    try (DuckDb duck = DuckDb.open()) {
      for (List<Object> row : duck.rows("SELECT id, count(*) FROM " + dataset(name) + " GROUP BY id")) {
        counts.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue());
      }
    }
    return counts;
  }

  /** Every file of the lake with its size. */
  private Map<String, Long> files() throws Exception {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(lake())) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(lake().relativize(file).toString(), Files.size(file));
      }
    }
    return files;
  }
}
