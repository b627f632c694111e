package io.tributary.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kafka.testing.KafkaBroker;
import io.tributary.landing.Landing;
import io.tributary.source.SourceLag;
import io.tributary.store.ObjectStore;
import io.tributary.store.s3.S3ObjectStore;
import io.tributary.testing.DuckDb;
import io.tributary.testing.ForwardingStore;
import io.tributary.testing.LakeCounts;
import io.tributary.testing.S3ProxyServer;
import io.tributary.testing.TestLandings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several services' multi-partition topics through {@link KafkaSource} into S3 (S3Proxy), read back with DuckDB:
 * topics by regex (a topic created while running is picked up, others are not read), values and drift intact,
 * Hive partitions by event time; and the lag the source reports.
 */
class KafkaToParquetTest {

  private static final long HOUR = 1_763_704_800_000L; // 2025-11-21T06:00:00Z

  private static KafkaBroker broker;
  private static S3ProxyServer s3;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start();
    s3 = S3ProxyServer.launch();
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void topicsOfSeveralServicesByPatternLandOnS3AsQueryableParquet() throws Exception {
    String bucket = s3.createBucket("services");
    Path lake = s3.bucketFolder(bucket).resolve("lake");
    broker.createTopic("svc.orders", 3);
    broker.createTopic("svc.users", 2);
    broker.createTopic("svc.metrics", 3);
    broker.createTopic("audit", 1);
    long amounts = 0;
    for (int i = 0; i < 300; i++) {
      int amount = 100 + i;
      amounts += amount;
      broker.send("svc.orders", i % 3, "{\"order_id\": \"o" + i + "\", \"ts\": " + (HOUR + i * 10_000L)
          + ", \"amount\": " + amount + (i >= 150 ? ", \"coupon\": {\"code\": \"C" + i + "\"}" : "") + "}");
      if (i < 120) {
        broker.send("svc.users", i % 2, "{\"userId\": " + i + ", \"ts\": " + (HOUR + i) + ", \"plan\": \"p"
            + (i % 4) + "\"}");
      }
      broker.send("svc.metrics", i % 3, "{\"name\": \"cpu\", \"ts\": " + (HOUR + i) + ", \"value\": "
          + (i % 2 == 0 ? i : i + 0.5) + "}");
    }
    broker.send("audit", 0, "{\"who\": \"nobody\", \"ts\": " + HOUR + "}");

    Landing landing = new Landing(TestLandings.byStream("a", Duration.ofMillis(300)),
        new S3ObjectStore(s3.settings(bucket), s3.newClient()), Clock.systemUTC());
    KafkaSource source = new KafkaSource(KafkaSourceSettings.forPattern(broker.bootstrapServers(), "services", "svc\\..*")
        .withStreamThreads(2)
        .withTimings(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(1)),
        landing, "a");
    source.start();
    try {
      awaitCount(lake, 300 + 120 + 300);

      broker.createTopic("svc.payments", 2);
      for (int i = 0; i < 40; i++) {
        broker.send("svc.payments", i % 2, "{\"payment\": " + i + ", \"ts\": " + HOUR + "}");
      }
      awaitCount(lake, 300 + 120 + 300 + 40);
    } finally {
      assertThat(source.stop(Duration.ofSeconds(30))).isTrue();
    }

    try (DuckDb duck = DuckDb.open()) {
      String orders = "read_parquet(" + DuckDb.literal(lake.resolve("svc_orders/**/*.parquet"))
          + ", hive_partitioning=true, union_by_name=true)";
      assertThat(duck.rows("SELECT count(*), count(DISTINCT order_id), sum(amount)::BIGINT, count(coupon) FROM "
          + orders).get(0)).containsExactly(300L, 300L, amounts, 150L);
      assertThat(duck.value("SELECT coupon.code FROM " + orders + " WHERE order_id = 'o299'")).isEqualTo("C299");
      assertThat(duck.rows("SELECT DISTINCT year, month, day, hour FROM " + orders + " ORDER BY ALL"))
          .containsExactly(List.of(2025L, 11L, 21L, "06"));
      assertThat(duck.value("SELECT count(*) FROM read_parquet(" + DuckDb.literal(lake.resolve(
          "svc_users/**/*.parquet")) + ", hive_partitioning=true) WHERE userid = 7 AND plan = 'p3'")).isEqualTo(1L);
      assertThat(duck.value("SELECT sum(value) FROM read_parquet(" + DuckDb.literal(lake.resolve(
          "svc_metrics/**/*.parquet")) + ", hive_partitioning=true, union_by_name=true)"))
          .isEqualTo(300 * 299 / 2 + 150 * 0.5);
    }
    Map<String, Long> landed = LakeCounts.data(lake);
    assertThat(landed).hasSize(760).allSatisfy((coordinate, times) -> assertThat(times).isEqualTo(1));
    assertThat(landed.keySet()).noneMatch(coordinate -> coordinate.startsWith("audit/"));
  }

  @Test
  void lagIsReportedPerPartitionAndFallsToZero() throws Exception {
    broker.createTopic("lagging", 2);
    for (int i = 0; i < 400; i++) {
      broker.send("lagging", i % 2, "{\"n\": " + i + ", \"ts\": " + HOUR + "}");
    }
    // A slow store and small fetches keep the consumer behind for a while.
    String bucket = s3.createBucket("lagging");
    ObjectStore slow = new ForwardingStore(new S3ObjectStore(s3.settings(bucket), s3.newClient())) {
      @Override
      public void put(String key, byte[] bytes) {
        pause();
        super.put(key, bytes);
      }
    };
    Landing landing = new Landing(TestLandings.byStream("a", Duration.ofMillis(100)), slow, Clock.systemUTC());
    KafkaSource source = new KafkaSource(KafkaHarness.settings(broker.bootstrapServers(), "lagging",
        List.of("lagging")).withClientProperties(Map.of("consumer.max.poll.records", "20",
        "consumer.max.partition.fetch.bytes", "2048")), landing, "a");
    List<SourceLag> seen = new CopyOnWriteArrayList<>();
    source.start();
    try {
      await(() -> {
        SourceLag lag = source.lag();
        seen.add(lag);
        return lag.recordsBehind().size() == 2 && lag.totalRecordsBehind() == 0
            && landing.acceptedCount() == 400;
      });
    } finally {
      source.stop(Duration.ofSeconds(30));
    }
    assertThat(seen).anySatisfy(lag -> assertThat(lag.totalRecordsBehind()).isPositive());
    List<Long> totals = new ArrayList<>();
    seen.stream().filter(lag -> lag.recordsBehind().size() == 2).forEach(lag -> totals.add(lag.totalRecordsBehind()));
    assertThat(totals.get(0)).isGreaterThan(totals.get(totals.size() - 1));
    assertThat(source.lag().recordsBehind()).as("lag of partitions no longer owned").isEmpty();
  }

  private static void pause() {
    try {
      Thread.sleep(40);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitCount(Path lake, int count) throws Exception {
    await(() -> {
      try {
        return LakeCounts.data(lake).size() >= count;
      } catch (Exception e) {
        return false;
      }
    });
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
