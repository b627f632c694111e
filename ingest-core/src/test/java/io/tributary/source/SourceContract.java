package io.tributary.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CatalogSync;
import io.tributary.commit.TableFormatFactory;
import io.tributary.landing.Backoff;
import io.tributary.landing.Landing;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.LakeCounts;
import io.tributary.testing.TestLandings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sources compatibility kit: what every source adapter (Kafka, Kinesis) must do with the landing layer,
 * against a real server. An adapter's test extends this class and supplies a {@link SourceHarness}.
 *
 * <p>Records carry their index and an event time; bad ones are mixed in. Counting is by source coordinates over
 * data and error files together, with DuckDB.
 *
 * <p>The datasets land as Hive Parquet unless a subclass chooses another table format: {@link #tableFormats()} (the
 * landings' format) and {@link #landedData()} (counting its rows: Iceberg's by the tables' current snapshots). The
 * error files stay Hive Parquet in every format.
 */
public abstract class SourceContract {

  private static final AtomicInteger GROUPS = new AtomicInteger();
  private static final long HOUR = 1_763_704_800_000L; // 2025-11-21T06:00:00Z

  @TempDir
  protected Path root;

  private final List<Source> started = new ArrayList<>();

  /** The adapter's harness; the same one for every test of a class. */
  protected abstract SourceHarness harness();

  @AfterEach
  void stopSources() {
    for (Source source : started) {
      source.stop(Duration.ofSeconds(30));
    }
  }

  @Test
  void landsEveryRecordOfEveryPartitionOnceAndCheckpointsIt() throws Exception {
    String orders = harness().createStream("orders", 3);
    String users = harness().createStream("users", 2);
    List<SourceHarness.Sent> sent = new ArrayList<>();
    sent.addAll(sendAll(orders, 3, 40));
    sent.addAll(sendAll(users, 2, 40));
    String group = group();

    Source source = start(group, List.of(orders, users), landing("a", Duration.ofMillis(300)), "a");
    awaitLanded(sent.size());
    assertThat(source.stop(Duration.ofSeconds(30))).isTrue();

    assertExactlyOnce(sent);
    for (SourceHarness.Sent last : lastPerPartition(sent)) {
      assertThat(harness().committedThrough(group, last.partition())).as("checkpoint of %s", last.partition())
          .contains(last.position());
    }
  }

  @Test
  void badRecordsGoToErrorsAndThePartitionKeepsFlowing() throws Exception {
    String stream = harness().createStream("poison", 1);
    List<SourceHarness.Sent> good = new ArrayList<>();
    List<SourceHarness.Sent> bad = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      if (i % 10 == 4) {
        bad.add(harness().send(stream, 0, "{\"id\": 4, \"broken\": ".getBytes(StandardCharsets.UTF_8)));
      } else if (i % 10 == 7) {
        bad.add(harness().send(stream, 0, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}));
      } else {
        good.add(harness().send(stream, 0, event(i)));
      }
    }
    Source source = start(group(), List.of(stream), landing("a", Duration.ofMillis(300)), "a");
    awaitLanded(good.size() + bad.size());
    assertThat(source.stop(Duration.ofSeconds(30))).isTrue();

    assertThat(landedData().keySet()).isEqualTo(coordinates(good));
    assertThat(LakeCounts.errors(root.resolve("errors")).keySet()).isEqualTo(coordinates(bad));
    assertExactlyOnce(concat(good, bad));
  }

  @Test
  void theSourcePositionNeverPassesRecordsThatAreOnlyBuffered() throws Exception {
    String stream = harness().createStream("gate", 2);
    List<SourceHarness.Sent> sent = sendAll(stream, 2, 25);
    String group = group();
    Landing landing = landing("a", Duration.ofHours(1));
    Source source = start(group, List.of(stream), landing, "a");
    await(() -> landing.acceptedCount() >= sent.size(), "all records taken");
    // Kafka Streams commits every second in the harness; give it several chances to move past the buffer.
    Thread.sleep(3_000);

    for (SourceHarness.Sent last : lastPerPartition(sent)) {
      assertThat(harness().committedThrough(group, last.partition())).as("checkpoint of %s", last.partition())
          .isEmpty();
    }
    assertThat(LakeCounts.parquetFiles(root.resolve("lake"))).isZero();

    assertThat(source.stop(Duration.ofSeconds(30))).isTrue();
    assertExactlyOnce(sent);
    for (SourceHarness.Sent last : lastPerPartition(sent)) {
      assertThat(harness().committedThrough(group, last.partition())).contains(last.position());
    }
  }

  @Test
  void aRestartResumesAfterTheCheckpointWithoutDuplicates() throws Exception {
    String stream = harness().createStream("restart", 2);
    String group = group();
    List<SourceHarness.Sent> first = sendAll(stream, 2, 30);
    Source one = start(group, List.of(stream), landing("one", Duration.ofMillis(300)), "one");
    awaitLanded(first.size());
    assertThat(one.stop(Duration.ofSeconds(30))).isTrue();

    List<SourceHarness.Sent> second = sendAll(stream, 2, 30);
    Landing landing = landing("two", Duration.ofMillis(300));
    Source two = start(group, List.of(stream), landing, "two");
    awaitLanded(first.size() + second.size());
    assertThat(two.stop(Duration.ofSeconds(30))).isTrue();

    assertExactlyOnce(concat(first, second));
    assertThat(landing.acceptedCount()).as("records read again after the restart").isEqualTo(second.size());
  }

  @Test
  void twoInstancesShareTheStreamAndHandOverExactlyOnce() throws Exception {
    String stream = harness().createStream("shared", 4);
    String group = group();
    List<SourceHarness.Sent> sent = new ArrayList<>(sendAll(stream, 4, 25));
    Landing landingA = landing("a", Duration.ofMillis(500));
    Source a = start(group, List.of(stream), landingA, "a");
    awaitLanded(sent.size());

    Landing landingB = landing("b", Duration.ofMillis(500));
    Source b = start(group, List.of(stream), landingB, "b");
    sent.addAll(sendAll(stream, 4, 25));
    await(() -> !landingB.assigned().isEmpty(), "the joining instance to own partitions");
    sent.addAll(sendAll(stream, 4, 25));
    awaitLanded(sent.size());

    assertThat(a.stop(Duration.ofSeconds(30))).isTrue();
    sent.addAll(sendAll(stream, 4, 25));
    await(() -> landingB.assigned().size() == 4, "the remaining instance to own every partition");
    awaitLanded(sent.size());
    assertThat(b.stop(Duration.ofSeconds(30))).isTrue();

    assertExactlyOnce(sent);
  }

  /** A landing layer over a folder: datasets by stream, event time from {@code ts}, buffers rolled after {@code age}. */
  protected Landing landing(String instance, Duration age) {
    return new Landing(TestLandings.byStream(instance, age), new LocalFileStore(root), Clock.systemUTC(),
        Backoff.exponential(), null, CatalogSync.none(), tableFormats());
  }

  /** The table format of the kit's landings (their store is a folder, {@link #root}): Hive Parquet. */
  protected TableFormatFactory tableFormats() {
    return TableFormatFactory.hive();
  }

  /** The data rows landed so far, by source coordinate → how many times: Hive Parquet under {@code lake/}. */
  protected Map<String, Long> landedData() throws Exception {
    return LakeCounts.data(root.resolve("lake"));
  }

  /** Data rows ({@link #landedData}) and error files together. */
  private Map<String, Long> landed() throws Exception {
    Map<String, Long> landed = new TreeMap<>(landedData());
    LakeCounts.errors(root.resolve("errors")).forEach((coordinate, n) -> landed.merge(coordinate, n, Long::sum));
    return landed;
  }

  /** Starts a source and stops it after the test. */
  protected Source start(String group, List<String> streams, Landing landing, String instance) {
    Source source = harness().newSource(group, streams, landing, instance);
    started.add(source);
    source.start();
    return source;
  }

  /** A fresh group (consumer group, KCL application) name. */
  protected static String group() {
    return "kit-" + ProcessHandle.current().pid() + "-" + GROUPS.incrementAndGet();
  }

  /** A good event with drift: later events carry a nested object. */
  protected static byte[] event(int i) {
    String json = "{\"id\": " + i + ", \"ts\": " + (HOUR + i * 1000L)
        + (i % 3 == 0 ? ", \"extra\": {\"n\": " + i + ", \"tag\": \"t" + i + "\"}" : "") + "}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code perPartition} good events to each partition, interleaved. */
  protected List<SourceHarness.Sent> sendAll(String stream, int partitions, int perPartition) {
    List<SourceHarness.Sent> sent = new ArrayList<>();
    for (int i = 0; i < perPartition; i++) {
      for (int p = 0; p < partitions; p++) {
        sent.add(harness().send(stream, p, event(i * partitions + p)));
      }
    }
    return sent;
  }

  /** Waits until data and error files together hold at least {@code count} records. */
  protected void awaitLanded(int count) throws Exception {
    long deadline = System.nanoTime() + harness().patience().toNanos();
    long landed = 0;
    while (System.nanoTime() < deadline) {
      landed = landed().values().stream()
          .mapToLong(Long::longValue).sum();
      if (landed >= count) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Only " + landed + " of " + count + " records landed within " + harness().patience());
  }

  protected void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + harness().patience().toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + harness().patience() + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  /** Every sent record is in data or error files exactly once, and nothing else is. */
  protected void assertExactlyOnce(List<SourceHarness.Sent> sent) throws Exception {
    Map<String, Long> landed = landed();
    Map<String, Long> duplicated = landed.entrySet().stream().filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(duplicated).as("records landed more than once").isEmpty();
    Set<String> missing = new TreeSet<>(coordinates(sent));
    missing.removeAll(landed.keySet());
    assertThat(missing).as("records lost").isEmpty();
    assertThat(landed.keySet()).as("records landed").isEqualTo(coordinates(sent));
  }

  protected static Set<String> coordinates(List<SourceHarness.Sent> sent) {
    return sent.stream().map(SourceHarness.Sent::coordinate).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<SourceHarness.Sent> lastPerPartition(List<SourceHarness.Sent> sent) {
    Map<SourcePartition, SourceHarness.Sent> last = new java.util.LinkedHashMap<>();
    sent.forEach(s -> last.put(s.partition(), s));
    return List.copyOf(last.values());
  }

  private static List<SourceHarness.Sent> concat(List<SourceHarness.Sent> a, List<SourceHarness.Sent> b) {
    List<SourceHarness.Sent> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
