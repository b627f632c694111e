package io.tributary.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kafka.testing.KafkaBroker;
import io.tributary.testing.EngineJvm;
import io.tributary.testing.LakeCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine in its own JVM ({@link EngineProcess}), against a real broker, with a plain producer that is not ours.
 * Killed with SIGKILL again and again while the producer writes, or stopped with SIGTERM with everything still
 * buffered: every produced record must end in the lake exactly once (bad ones in the error files), SIGTERM must
 * exit 0, and the group's committed offsets must reach the end of every partition.
 */
class EngineKillTest {

  private static final int PARTITIONS = 3;
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final long HOUR = 1_763_704_800_000L;

  private static KafkaBroker broker;

  @TempDir
  Path root;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void killedAgainAndAgainEveryRecordLandsExactlyOnce() throws Exception {
    List<String> topics = topics("checkout", "payments", "shipping");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String group = "kill-test";
    List<String> sent = Collections.synchronizedList(new ArrayList<>());
    List<String> bad = Collections.synchronizedList(new ArrayList<>());
    Thread producer = new Thread(() -> produce(topics, 6_000, 40, sent, bad), "producer");
    producer.start();

    int kills = 5;
    long landedBefore = 0;
    for (int i = 1; i <= kills; i++) {
      String instance = "engine-" + i;
      EngineJvm engine = launch(group, topics, instance, 700);
      // Kill mid-stream: once this engine has landed records of its own, at a random moment after.
      landedBefore = engine.awaitLanded(producer.isAlive() ? landedBefore + 1 : 0, PATIENCE);
      Thread.sleep(random.nextInt(1_500));
      assertThat(engine.kill()).as("SIGKILL's status of engine %d", i).isEqualTo(137);
      System.out.printf("SIGKILL %s: %d of %d produced records landed so far%n", instance, landedBefore,
          sent.size());
    }
    producer.join(180_000);
    assertThat(landedBefore).as("records the killed engines landed (seed %d)", seed).isPositive();

    EngineJvm last = launch(group, topics, "engine-final", 700);
    last.awaitLanded(sent.size(), PATIENCE);
    last.awaitLine(line -> line.equals("STATE RUNNING"), PATIENCE);
    last.stopGracefully();

    assertExactlyOnce(sent, bad, seed);
    assertCommittedToTheEnd(group, topics);
  }

  @Test
  void sigtermRollsAndCommitsEverythingBufferedAndExitsZero() throws Exception {
    List<String> topics = topics("orders", "refunds");
    List<String> sent = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    produce(topics, 600, Integer.MAX_VALUE, sent, bad);
    EngineJvm engine = launch("sigterm-test", topics, "engine", 3_600_000);
    engine.awaitLine(line -> line.equals("ACCEPTED " + sent.size()), PATIENCE);
    assertThat(LakeCounts.parquetFiles(root.resolve("lake"))).as("files before the stop (rolls after an hour)")
        .isZero();

    engine.stopGracefully();

    assertExactlyOnce(sent, bad, 0);
    assertCommittedToTheEnd("sigterm-test", topics);
  }

  @Test
  void twoEnginesOneKilledTheOtherTakesOverAndTheRestartedOneRejoins() throws Exception {
    List<String> topics = topics("inventory", "pricing");
    String group = "pair-test";
    List<String> sent = Collections.synchronizedList(new ArrayList<>());
    List<String> bad = Collections.synchronizedList(new ArrayList<>());
    Thread producer = new Thread(() -> produce(topics, 4_000, 40, sent, bad), "producer");
    producer.start();

    EngineJvm a = launch(group, topics, "a", 700);
    EngineJvm b = launch(group, topics, "b", 700);
    a.awaitLine(line -> line.startsWith("ACCEPTED ") && !line.equals("ACCEPTED 0"), PATIENCE);
    b.awaitLine(line -> line.startsWith("ACCEPTED ") && !line.equals("ACCEPTED 0"), PATIENCE);
    a.kill();
    long landedWhenKilled = LakeCounts.landed(root.resolve("lake"), root.resolve("errors")).size();
    // b takes a's partitions once the group gives up on a (session timeout), and keeps landing.
    b.awaitLanded(landedWhenKilled + 200, PATIENCE);

    EngineJvm again = launch(group, topics, "a-again", 700);
    producer.join(180_000);
    b.awaitLanded(sent.size(), PATIENCE);
    again.awaitLine(line -> line.equals("STATE RUNNING"), PATIENCE);
    again.stopGracefully();
    b.stopGracefully();

    assertExactlyOnce(sent, bad, 0);
    assertCommittedToTheEnd(group, topics);
  }

  private static List<String> topics(String... names) {
    List<String> topics = new ArrayList<>();
    for (String name : names) {
      String topic = name + "-" + System.nanoTime();
      broker.createTopic(topic, PARTITIONS);
      topics.add(topic);
    }
    return topics;
  }

  /**
   * Writes {@code count} records round-robin over the topics' partitions, about 1% of them bad, resting 100 ms
   * after every {@code burst} records.
   */
  private static void produce(List<String> topics, int count, int burst, List<String> sent, List<String> bad) {
    Random random = new Random(count);
    for (int i = 0; i < count; i++) {
      String topic = topics.get(i % topics.size());
      int partition = (i / topics.size()) % PARTITIONS;
      boolean broken = random.nextInt(100) == 0;
      String json = broken ? "{\"id\": " + i + ", \"oops\": "
          : "{\"id\": " + i + ", \"ts\": " + (HOUR + i * 500L) + ", \"amount\": " + random.nextInt(10_000)
              + (i > count / 2 ? ", \"currency\": \"EUR\"" : "") + "}";
      long offset = broker.send(topic, partition, null, json.getBytes(StandardCharsets.UTF_8));
      String coordinate = topic + "/" + partition + "/" + offset;
      sent.add(coordinate);
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

  private EngineJvm launch(String group, List<String> topics, String instance, long rollMillis) throws IOException {
    return EngineJvm.start(root, instance, EngineProcess.class, broker.bootstrapServers(), group,
        String.join(",", topics), root.toString(), instance, Long.toString(rollMillis));
  }

  private void assertExactlyOnce(List<String> sent, List<String> bad, long seed) throws Exception {
    Map<String, Long> landed = LakeCounts.landed(root.resolve("lake"), root.resolve("errors"));
    assertThat(landed.entrySet().stream().filter(e -> e.getValue() > 1).toList())
        .as("duplicates (seed %d)", seed).isEmpty();
    assertThat(landed.keySet()).as("every record once (seed %d)", seed).isEqualTo(new TreeSet<>(sent));
    assertThat(LakeCounts.errors(root.resolve("errors")).keySet()).as("bad records in the error files")
        .isEqualTo(new TreeSet<>(bad));
  }

  private static void assertCommittedToTheEnd(String group, List<String> topics) throws Exception {
    for (String topic : topics) {
      for (int p = 0; p < PARTITIONS; p++) {
        TopicPartition tp = new TopicPartition(topic, p);
        long end = broker.admin().listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
        assertThat(broker.committed(group, tp)).as("committed offset of %s", tp).contains(end);
      }
    }
  }
}
