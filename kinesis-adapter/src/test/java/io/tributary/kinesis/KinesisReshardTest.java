package io.tributary.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kinesis.testing.KinesisLocal;
import io.tributary.landing.Landing;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.DuckDb;
import io.tributary.testing.LakeCounts;
import io.tributary.testing.TestLandings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * A stream resharded from 2 to 4 shards (UpdateShardCount, uniform scaling: each parent split in two) while records
 * are written and read: every record lands exactly once, every record of a parent shard was taken before any record
 * of its children (by the rows' ingest times), and the parents' leases end checkpointed at SHARD_END.
 */
class KinesisReshardTest {

  private static final long HOUR = 1_763_704_800_000L;

  private static KinesisHarness harness;

  @TempDir
  Path root;

  @BeforeAll
  static void startServers() throws Exception {
    harness = KinesisHarness.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void aShardSplitDuringIngestionLandsEveryRecordOnceAndParentsBeforeChildren() throws Exception {
    String stream = harness.createStream("split", 2);
    harness.createLeases("split-test", List.of(stream));
    Landing landing = new Landing(TestLandings.byStream("a", Duration.ofMillis(300)), new LocalFileStore(root),
        Clock.systemUTC());
    KinesisSource source = new KinesisSource(harness.settings("split-test", List.of(stream)),
        landing, "a", KinesisLocal.CREDENTIALS);
    List<String> sent = new ArrayList<>();
    source.start();
    try {
      sent.addAll(write(stream, 0, 150));
      awaitLanded(50);
      List<Shard> parents = harness.kinesis().shards(stream, false);
      harness.kinesis().updateShardCount(stream, 4);
      assertThat(harness.kinesis().shards(stream, false)).as("open shards after the split").hasSize(4);
      sent.addAll(write(stream, 150, 150));
      awaitLanded(sent.size());
      await(() -> parents.stream().allMatch(p -> "SHARD_END".equals(checkpoint("split-test", p.shardId()))));
    } finally {
      assertThat(source.stop(Duration.ofSeconds(30))).isTrue();
    }

    Map<String, Long> landed = LakeCounts.landed(root.resolve("lake"), root.resolve("errors"));
    assertThat(landed.entrySet().stream().filter(e -> e.getValue() > 1).toList()).as("duplicates").isEmpty();
    assertThat(landed.keySet()).isEqualTo(new TreeSet<>(sent));

    Map<String, List<String>> childrenOf = new HashMap<>();
    for (Shard shard : harness.kinesis().shards(stream, true)) {
      if (shard.parentShardId() != null) {
        childrenOf.computeIfAbsent(shard.parentShardId(), p -> new ArrayList<>()).add(shard.shardId());
      }
    }
    assertThat(childrenOf).as("each parent split in two").hasSize(2).allSatisfy((p, c) -> assertThat(c).hasSize(2));
    Map<String, long[]> ingest = ingestTimes();
    for (Map.Entry<String, List<String>> family : childrenOf.entrySet()) {
      long[] parent = ingest.get(family.getKey());
      assertThat(parent).as("rows of parent %s", family.getKey()).isNotNull();
      for (String child : family.getValue()) {
        long[] rows = ingest.get(child);
        assertThat(rows).as("rows of child %s", child).isNotNull();
        assertThat(rows[0]).as("first row of %s taken after the last of its parent %s", child, family.getKey())
            .isGreaterThanOrEqualTo(parent[1]);
      }
    }
  }

  /** The first and last ingest time (micros) of the rows of each shard. */
  private Map<String, long[]> ingestTimes() throws Exception {
    Map<String, long[]> times = new HashMap<>();
    try (DuckDb duck = DuckDb.open()) {
      for (List<Object> row : duck.rows("SELECT _partition, epoch_us(min(_ingest_time)), epoch_us(max(_ingest_time))"
          + " FROM read_parquet(" + DuckDb.literal(root.resolve("lake/**/*.parquet"))
          + ", union_by_name=true) GROUP BY _partition")) {
        times.put((String) row.get(0), new long[] {(Long) row.get(1), (Long) row.get(2)});
      }
    }
    return times;
  }

  private String checkpoint(String application, String shardId) {
    return harness.dynamo().client().getItem(b -> b.tableName(application).consistentRead(true)
        .key(Map.of("leaseKey", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(shardId))))
        .join().item().get("checkpoint").s();
  }

  /** Writes {@code count} records spread over the hash key space; the stream routes each to its open shard. */
  private List<String> write(String stream, int from, int count) {
    List<String> sent = new ArrayList<>();
    List<Shard> shards = harness.kinesis().shards(stream, false);
    for (int i = from; i < from + count; i++) {
      String json = "{\"id\": " + i + ", \"ts\": " + (HOUR + i * 1000L) + "}";
      PutRecordResponse put = harness.kinesis().put(stream, shards.get(i % shards.size()), "k" + i,
          json.getBytes(StandardCharsets.UTF_8));
      sent.add(stream + "/" + put.shardId() + "/" + KinesisPositions.encode(put.sequenceNumber(), 0));
    }
    return sent;
  }

  private void awaitLanded(int count) throws Exception {
    await(() -> {
      try {
        return LakeCounts.landed(root.resolve("lake"), root.resolve("errors")).size() >= count;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after 120 s");
      }
      Thread.sleep(250);
    }
  }
}
