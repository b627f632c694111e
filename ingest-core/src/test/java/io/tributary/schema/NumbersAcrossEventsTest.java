package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.buffer.RollingPolicy;
import io.tributary.landing.Landing;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.DuckDb;
import io.tributary.testing.LakeCounts;
import io.tributary.testing.TestLandings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new numeric field typed across events, end to end: records through the landing into Parquet files read back by
 * DuckDB. A whole first value under a name that says nothing waits for the values after it (until its buffer rolls
 * or a fraction comes); ids beyond 2^53 are LONG at once; a type once published never changes; instances that see
 * opposite evidence converge on the type published first.
 */
class NumbersAcrossEventsTest {
  private static final long HOUR_06 = 1_763_704_800_000L;

  @TempDir Path dir;

  private final AtomicLong offset = new AtomicLong();

  @Test
  void aFieldWholeFirstAndFractionalInALaterEventOfTheBufferIsADoubleColumnWithNothingRescued() throws Exception {
    land("{'ts': %d, 'x': 12, 'n': 1}", "{'ts': %d, 'x': 12.5, 'n': 2}", "{'ts': %d, 'x': 7, 'n': 3}");

    try (DuckDb duck = DuckDb.open()) {
      assertThat(duck.columnTypes(files())).containsEntry("x", "DOUBLE").containsEntry("n", "BIGINT");
      assertThat(duck.rows("SELECT x, n FROM " + files() + " ORDER BY n"))
          .containsExactly(List.of(12.0, 1L), List.of(12.5, 2L), List.of(7.0, 3L));
      assertThat(duck.value("SELECT count(_rescued) FROM " + files())).isEqualTo(0L);
    }
  }

  @Test
  void idsBeyondTwoToThe53StayBigintExactlyAlsoAfterSmallerOnes() throws Exception {
    land("{'ts': %d, 'order_id': 9007199254740993, 'ref': 1}", "{'ts': %d, 'order_id': 2, 'ref': 9223372036854775807}");

    try (DuckDb duck = DuckDb.open()) {
      assertThat(duck.columnTypes(files())).containsEntry("order_id", "BIGINT").containsEntry("ref", "BIGINT");
      assertThat(duck.rows("SELECT order_id::VARCHAR, ref::VARCHAR FROM " + files() + " ORDER BY _offset"))
          .containsExactly(List.of("9007199254740993", "1"), List.of("2", "9223372036854775807"));
      assertThat(duck.value("SELECT count(_rescued) FROM " + files())).isEqualTo(0L);
    }
  }

  @Test
  void aFieldWholeInEveryEventStaysBigint() throws Exception {
    String[] events = new String[20];
    for (int i = 0; i < events.length; i++) {
      events[i] = "{'ts': %d, 'retries': " + i + "}";
    }
    land(events);

    try (DuckDb duck = DuckDb.open()) {
      assertThat(duck.columnTypes(files())).containsEntry("retries", "BIGINT");
      assertThat(duck.value("SELECT sum(retries) FROM " + files()).toString()).isEqualTo("190");
      assertThat(duck.value("SELECT count(_rescued) FROM " + files())).isEqualTo(0L);
    }
  }

  @Test
  void aBufferWhoseWholeNumbersWaitedInTenThousandRowsRollsAndTheRestOfTheStreamIsTyped() throws Exception {
    int events = RollingPolicy.WAITING_ROWS + 500;
    String[] json = new String[events];
    for (int i = 0; i < events; i++) {
      json[i] = "{'ts': %d, 'qty': " + (i % 9) + "}";
    }
    land(json);

    List<Path> files = filesOnDisk();
    assertThat(files).hasSize(2);
    try (DuckDb duck = DuckDb.open()) {
      for (Path file : files) {
        assertThat(duck.columnTypes("read_parquet('" + file + "')")).containsEntry("qty", "BIGINT");
      }
      // The first file holds exactly the rows whose value waited; the second one's rows were typed as they came.
      assertThat(duck.value("SELECT count(*) FROM read_parquet('" + files.get(0) + "')"))
          .isEqualTo((long) RollingPolicy.WAITING_ROWS);
      assertThat(duck.value("SELECT count(qty) FROM " + files())).isEqualTo((long) events);
      assertThat(duck.value("SELECT count(_rescued) FROM " + files())).isEqualTo(0L);
    }
  }

  @Test
  void aFieldDecidedBigintInAnEarlierFileKeepsItsTypeAndLaterFractionsAreRescued() throws Exception {
    land("{'ts': %d, 'x': 12}");
    // The fraction comes with a new column: the version that adds it leaves x as it is.
    land("{'ts': %d, 'x': 12.5, 'note': 'n'}", "{'ts': %d, 'x': 3}");

    try (DuckDb duck = DuckDb.open()) {
      assertThat(filesOnDisk()).hasSize(2);
      for (Path file : filesOnDisk()) {
        assertThat(duck.columnTypes("read_parquet('" + file + "')"))
            .containsEntry("x", "BIGINT");
      }
      assertThat(duck.rows("SELECT x, _rescued FROM " + files() + " ORDER BY _offset")).containsExactly(
          Arrays.asList(12L, null), Arrays.asList(null, "{\"/x\":12.5}"),
          Arrays.asList(3L, null));
    }
  }

  @Test
  void anInstanceThatSawOnlyWholeValuesTakesTheDoubleColumnAnotherPublishedFirst() throws Exception {
    Landing wholes = landing("a", "0");
    Landing fractions = landing("b", "1");
    wholes.accept(record("0", "{'ts': %d, 'x': 12}"));
    fractions.accept(record("1", "{'ts': %d, 'x': 0.5}"));
    wholes.close();
    fractions.close();

    assertConverged(2);
    try (DuckDb duck = DuckDb.open()) {
      assertThat(duck.columnTypes(files())).containsEntry("x", "DOUBLE");
      assertThat(duck.rows("SELECT x FROM " + files() + " ORDER BY x")).containsExactly(List.of(0.5), List.of(12.0));
      assertThat(duck.value("SELECT count(_rescued) FROM " + files())).isEqualTo(0L);
    }
  }

  @Test
  void anInstanceThatRollsWholeValuesFirstPublishesBigintAndTheOtherRescuesItsFractions() throws Exception {
    Landing wholes = landing("a", "0");
    Landing fractions = landing("b", "1");
    fractions.accept(record("1", "{'ts': %d, 'y': 'first'}"));
    wholes.accept(record("0", "{'ts': %d, 'x': 12}"));
    wholes.close();
    fractions.accept(record("1", "{'ts': %d, 'x': 0.5}"));
    fractions.close();

    assertConverged(3);
    try (DuckDb duck = DuckDb.open()) {
      assertThat(duck.columnTypes(files())).containsEntry("x", "BIGINT");
      assertThat(duck.rows("SELECT x, _rescued FROM " + files() + " WHERE y IS NULL ORDER BY _partition"))
          .containsExactly(Arrays.asList(12L, null), Arrays.asList(null, "{\"/x\":0.5}"));
    }
  }

  @Test
  void instancesRacingWithOppositeEvidenceConvergeOnOneTypePerFieldAndLandEveryRecordOnce() throws Exception {
    int fields = 12;
    int rounds = 30;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (String instance : List.of("a", "b")) {
      boolean whole = instance.equals("a");
      String partition = whole ? "0" : "1";
      Landing landing = landing(instance, partition);
      done.add(pool.submit(() -> {
        start.await();
        for (int round = 0; round < rounds; round++) {
          StringBuilder json = new StringBuilder("{'ts': %d");
          for (int f = 0; f < fields; f++) {
            // Instance a sends whole values of every field, b fractions; each rolls every few events.
            json.append(", 'f").append(f).append("': ").append(whole ? Integer.toString(round) : round + ".5");
          }
          landing.accept(record(partition, json.append('}').toString()));
          if (round % 7 == 6) {
            landing.rollDue();
            landing.revoke(new SourcePartition("orders", partition));
            landing.assign(new SourcePartition("orders", partition));
          }
        }
        landing.close();
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertConverged(2 * rounds);
    DatasetSchema latest = new SchemaHistory(new LocalFileStore(dir), "lake", "reader", Clock.systemUTC())
        .latest("orders").orElseThrow();
    try (DuckDb duck = DuckDb.open()) {
      for (Path file : filesOnDisk()) {
        Map<String, String> types = duck.columnTypes("read_parquet('" + file + "')");
        for (int f = 0; f < fields; f++) {
          String name = "f" + f;
          if (types.containsKey(name)) {
            String expected = latest.root().field(name).type() == PrimitiveType.DOUBLE ? "DOUBLE" : "BIGINT";
            assertThat(types.get(name)).as("%s in %s", name, file).isEqualTo(expected);
          }
        }
      }
      // Every value is in its column or in _rescued: a whole number always fits, a fraction only a DOUBLE column.
      for (int f = 0; f < fields; f++) {
        String name = "f" + f;
        long inColumn = (Long) duck.value("SELECT count(" + name + ") FROM " + files());
        long rescued = (Long) duck.value("SELECT count(*) FROM " + files() + " WHERE _rescued LIKE '%\"/" + name
            + "\"%'");
        assertThat(inColumn + rescued).as(name).isEqualTo(2L * rounds);
        long wholeInColumn = (Long) duck.value("SELECT count(" + name + ") FROM " + files()
            + " WHERE _partition = '0'");
        assertThat(wholeInColumn).as("whole values of %s", name).isEqualTo(rounds);
      }
    }
  }

  /** Lands {@code events} (a {@code %d} in each for its time) through one instance on partition 0, and closes it. */
  private void land(String... events) {
    Landing landing = landing("a", "0");
    for (String event : events) {
      landing.accept(record("0", event));
    }
    landing.close();
  }

  /** Every record landed exactly once, in data or error files, and each file's columns read together. */
  private void assertConverged(int records) throws Exception {
    Map<String, Long> landed = LakeCounts.landed(dir.resolve("lake"), dir.resolve("errors"));
    assertThat(landed).hasSize(records);
    assertThat(landed.values()).containsOnly(1L);
  }

  private Landing landing(String instance, String partition) {
    Landing landing = new Landing(TestLandings.byStream(instance, Duration.ofHours(1)), new LocalFileStore(dir),
        Clock.systemUTC());
    landing.assign(new SourcePartition("orders", partition));
    return landing;
  }

  private SourceRecord record(String partition, String json) {
    long at = offset.getAndIncrement();
    long ts = HOUR_06 + at;
    String text = String.format(json, ts).replace('\'', '"');
    return new SourceRecord("orders", partition, Position.of(at), null, List.of(), ts,
        text.getBytes(StandardCharsets.UTF_8));
  }

  private String files() {
    return "read_parquet('" + dir.resolve("lake/orders") + "/**/*.parquet', union_by_name = true)";
  }

  private List<Path> filesOnDisk() throws Exception {
    try (Stream<Path> walk = Files.walk(dir.resolve("lake/orders"))) {
      return walk.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }
}
