package io.tributary.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.source.SourcePartition;
import io.tributary.testing.EngineJvm;
import io.tributary.testing.LakeCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Two engines, each in its own JVM ({@link KinesisEngineProcess}), share the shards of a stream while a plain
 * producer writes; one is killed with SIGKILL mid-stream and the other takes its leases (after they expire) and
 * lands the rest. Every produced record must be in the lake exactly once (bad ones in the error files), SIGTERM
 * must exit 0, and each shard's checkpoint must reach its last record.
 */
class KinesisEngineKillTest {

  private static final int SHARDS = 4;
  private static final Duration PATIENCE = Duration.ofSeconds(120);
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
  void twoWorkersOneKilledTheOtherTakesItsLeasesExactlyOnce() throws Exception {
    String stream = harness.createStream("pair", SHARDS);
    String application = "pair-test";
    harness.createLeases(application, List.of(stream));
    List<String> sent = Collections.synchronizedList(new ArrayList<>());
    List<String> bad = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> lastPerShard = Collections.synchronizedMap(new LinkedHashMap<>());
    Thread producer = new Thread(() -> produce(stream, 600, 30, sent, bad, lastPerShard), "producer");
    producer.start();

    EngineJvm a = launch(application, stream, "a", 700);
    EngineJvm b = null;
    try {
      // One after the other, so that b joins a running application (the same-second start of a new application,
      // KCL 3.5.1's race, is KinesisNewApplicationRaceTest's).
      a.awaitLine(line -> line.equals("STATE RUNNING"), PATIENCE);
      b = launch(application, stream, "b", 700);
      a.awaitLine(line -> line.startsWith("ACCEPTED ") && !line.equals("ACCEPTED 0"), PATIENCE);
      b.awaitLine(line -> line.startsWith("ACCEPTED ") && !line.equals("ACCEPTED 0"), PATIENCE);
      assertThat(a.kill()).as("SIGKILL's status").isEqualTo(137);
      long landedWhenKilled = LakeCounts.landed(root.resolve("lake"), root.resolve("errors")).size();
      System.out.printf("SIGKILL a: %d of %d produced records landed so far%n", landedWhenKilled, sent.size());

      producer.join(180_000);
      b.awaitLanded(sent.size(), Duration.ofSeconds(150));
      assertThat(b.log().lines().filter(line -> line.contains(" taken, checkpoint"))
          .map(line -> line.replaceAll(".*Shard (\\S+) taken.*", "$1")).distinct())
          .as("b took every shard, a's included").hasSize(SHARDS);
      b.stopGracefully();
    } finally {
      a.process().destroyForcibly();
      if (b != null) {
        b.process().destroyForcibly();
      }
    }

    Map<String, Long> landed = LakeCounts.landed(root.resolve("lake"), root.resolve("errors"));
    assertThat(landed.entrySet().stream().filter(e -> e.getValue() > 1).toList()).as("duplicates").isEmpty();
    assertThat(landed.keySet()).as("every record once").isEqualTo(new TreeSet<>(sent));
    assertThat(LakeCounts.errors(root.resolve("errors")).keySet()).isEqualTo(new TreeSet<>(bad));
    for (Map.Entry<String, String> last : lastPerShard.entrySet()) {
      assertThat(harness.committedThrough(application, new SourcePartition(stream, last.getKey())))
          .as("checkpoint of %s", last.getKey()).contains(last.getValue());
    }
  }

  /**
   * Writes {@code count} records round-robin over the shards, about 1% of them bad, resting 100 ms after every
   * {@code burst} records; remembers each record's coordinate and each shard's last position.
   */
  static void produce(String stream, int count, int burst, List<String> sent, List<String> bad,
      Map<String, String> lastPerShard) {
    Random random = new Random(count);
    List<Shard> shards = harness.kinesis().shards(stream, false);
    for (int i = 0; i < count; i++) {
      boolean broken = random.nextInt(100) == 0;
      String json = broken ? "{\"id\": " + i + ", \"oops\": "
          : "{\"id\": " + i + ", \"ts\": " + (HOUR + i * 500L) + ", \"amount\": " + random.nextInt(10_000) + "}";
      PutRecordResponse put = harness.kinesis().put(stream, shards.get(i % shards.size()), "k" + i,
          json.getBytes(StandardCharsets.UTF_8));
      String position = KinesisPositions.encode(put.sequenceNumber(), 0).toString();
      String coordinate = stream + "/" + put.shardId() + "/" + position;
      sent.add(coordinate);
      lastPerShard.put(put.shardId(), position);
      if (broken) {
        bad.add(coordinate);
      }
      if (i % burst == burst - 1) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private EngineJvm launch(String application, String stream, String instance, long rollMillis)
      throws IOException {
    return EngineJvm.start(root, instance, KinesisEngineProcess.class, harness.kinesis().endpoint().toString(),
        harness.dynamo().endpoint().toString(), application, stream, root.toString(), instance, Long.toString(rollMillis));
  }
}
