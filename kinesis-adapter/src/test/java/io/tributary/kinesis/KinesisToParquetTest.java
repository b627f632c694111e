package io.tributary.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kinesis.testing.KinesisLocal;
import io.tributary.kinesis.testing.KplAggregates;
import io.tributary.landing.Landing;
import io.tributary.source.SourceLag;
import io.tributary.store.s3.S3ObjectStore;
import io.tributary.testing.DuckDb;
import io.tributary.testing.LakeCounts;
import io.tributary.testing.S3ProxyServer;
import io.tributary.testing.TestLandings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Two streams of two services through one {@link KinesisSource} (KCL in multi-stream mode) into S3 (S3Proxy), read
 * back with DuckDB: values and drift intact, Hive partitions by event time, KPL aggregates split into their user
 * records (each with its own position after its parent's sequence number), and the lag the source reports.
 */
class KinesisToParquetTest {

  private static final long HOUR = 1_763_704_800_000L; // 2025-11-21T06:00:00Z

  private static KinesisHarness harness;
  private static S3ProxyServer s3;

  @BeforeAll
  static void start() throws Exception {
    harness = KinesisHarness.start();
    s3 = S3ProxyServer.launch();
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void twoStreamsLandOnS3AsQueryableParquetWithKplAggregatesSplit() throws Exception {
    harness.kinesis().createStream("svc-orders", 2);
    harness.kinesis().createStream("svc-clicks", 1);
    List<Shard> orderShards = harness.kinesis().shards("svc-orders", false);
    Shard clickShard = harness.kinesis().shards("svc-clicks", false).get(0);
    long amounts = 0;
    Set<String> sent = new HashSet<>();
    for (int i = 0; i < 120; i++) {
      int amount = 100 + i;
      amounts += amount;
      Shard shard = orderShards.get(i % 2);
      String seq = harness.kinesis().put("svc-orders", shard, "order-" + i, json("{\"order_id\": \"o" + i + "\", \"ts\": "
          + (HOUR + i * 10_000L) + ", \"amount\": " + amount
          + (i >= 60 ? ", \"coupon\": {\"code\": \"C" + i + "\"}" : "") + "}")).sequenceNumber();
      sent.add("svc-orders/" + shard.shardId() + "/" + KinesisPositions.encode(seq, 0));
    }
    // Clicks come from a KPL producer: 4 aggregates of 25 user records each.
    for (int a = 0; a < 4; a++) {
      List<byte[]> clicks = new ArrayList<>();
      for (int j = 0; j < 25; j++) {
        int n = a * 25 + j;
        clicks.add(json("{\"click\": " + n + ", \"ts\": " + (HOUR + n) + ", \"page\": \"/p" + (n % 7) + "\"}"));
      }
      String seq = harness.kinesis().put("svc-clicks", clickShard, "user-" + a, KplAggregates.aggregate("user-" + a, clicks))
          .sequenceNumber();
      for (int j = 0; j < 25; j++) {
        sent.add("svc-clicks/" + clickShard.shardId() + "/" + KinesisPositions.encode(seq, j));
      }
    }

    String bucket = s3.createBucket("kinesis");
    Path lake = s3.bucketFolder(bucket).resolve("lake");
    Landing landing = new Landing(TestLandings.byStream("a", Duration.ofMillis(300)),
        new S3ObjectStore(s3.settings(bucket), s3.newClient()), Clock.systemUTC());
    harness.createLeases("parquet", List.of("svc-orders", "svc-clicks"));
    KinesisSource source = new KinesisSource(harness.settings("parquet",
        List.of("svc-orders", "svc-clicks")), landing, "a", KinesisLocal.CREDENTIALS);
    List<SourceLag> seen = new CopyOnWriteArrayList<>();
    long started = System.nanoTime();
    long firstRecordMillis = -1;
    source.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (LakeCounts.data(lake).size() < sent.size() && System.nanoTime() < deadline) {
        if (firstRecordMillis < 0 && landing.acceptedCount() > 0) {
          firstRecordMillis = (System.nanoTime() - started) / 1_000_000;
        }
        seen.add(source.lag());
        Thread.sleep(100);
      }
    } finally {
      assertThat(source.stop(Duration.ofSeconds(30))).isTrue();
    }
    System.out.printf("First record taken %d ms after start%n", firstRecordMillis);

    Map<String, Long> landed = LakeCounts.data(lake);
    assertThat(landed.keySet()).isEqualTo(sent);
    assertThat(landed.values()).allMatch(times -> times == 1);
    try (DuckDb duck = DuckDb.open()) {
      String orders = "read_parquet(" + DuckDb.literal(lake.resolve("svc_orders/**/*.parquet"))
          + ", hive_partitioning=true, union_by_name=true)";
      assertThat(duck.rows("SELECT count(*), count(DISTINCT order_id), sum(amount)::BIGINT, count(coupon) FROM "
          + orders).get(0)).containsExactly(120L, 120L, amounts, 60L);
      assertThat(duck.value("SELECT coupon.code FROM " + orders + " WHERE order_id = 'o119'")).isEqualTo("C119");
      assertThat(duck.rows("SELECT DISTINCT year, month, day, hour FROM " + orders + " ORDER BY ALL"))
          .containsExactly(List.of(2025L, 11L, 21L, "06"));
      String clicks = "read_parquet(" + DuckDb.literal(lake.resolve("svc_clicks/**/*.parquet"))
          + ", hive_partitioning=true)";
      assertThat(duck.rows("SELECT count(*), count(DISTINCT click), sum(click)::BIGINT FROM " + clicks).get(0))
          .containsExactly(100L, 100L, 4950L);
    }
    assertThat(seen).anySatisfy(lag -> assertThat(lag.millisBehind()).hasSize(3));
    assertThat(seen).allSatisfy(lag -> assertThat(lag.recordsBehind()).isEmpty());
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
