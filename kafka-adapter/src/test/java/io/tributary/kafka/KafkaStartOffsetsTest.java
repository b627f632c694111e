package io.tributary.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kafka.testing.KafkaBroker;
import io.tributary.landing.Landing;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.LakeCounts;
import io.tributary.testing.TestLandings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group reading with {@code start-from: latest} gets its start offsets committed as soon as it is assigned,
 * before anything is flushed: a task dying before its first flush must not let the next owner start past records
 * it took (the next owner would resolve "latest" again).
 */
class KafkaStartOffsetsTest {

  private static KafkaBroker broker;

  @TempDir
  Path root;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aNewGroupStartingFromLatestHasItsStartOffsetsCommittedBeforeAnyFlush() throws Exception {
    broker.createTopic("late-joiner", 2);
    for (int i = 0; i < 10; i++) {
      broker.send("late-joiner", i % 2, "{\"old\": " + i + "}");
    }
    Landing landing = new Landing(TestLandings.byStream("a", Duration.ofHours(1)), new LocalFileStore(root),
        Clock.systemUTC());
    KafkaSource source = new KafkaSource(KafkaHarness.settings(broker.bootstrapServers(), "latest-group",
        List.of("late-joiner")).withStartFrom("latest"), landing, "a");
    source.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (landing.assigned().size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      for (int p = 0; p < 2; p++) {
        TopicPartition tp = new TopicPartition("late-joiner", p);
        while (broker.committed("latest-group", tp).isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(broker.committed("latest-group", tp)).as("start offset of %s", tp).contains(5L);
      }
      for (int i = 0; i < 6; i++) {
        broker.send("late-joiner", i % 2, "{\"new\": " + i + "}");
      }
      while (landing.acceptedCount() < 6 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(landing.acceptedCount()).isEqualTo(6);
      assertThat(LakeCounts.parquetFiles(root)).as("nothing flushed yet").isZero();
      for (int p = 0; p < 2; p++) {
        assertThat(broker.committed("latest-group", new TopicPartition("late-joiner", p)))
            .as("still the start offset: nothing taken is durable").contains(5L);
      }
    } finally {
      assertThat(source.stop(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(LakeCounts.data(root.resolve("lake")).keySet()).containsExactlyInAnyOrder(
        "late-joiner/0/5", "late-joiner/0/6", "late-joiner/0/7", "late-joiner/1/5", "late-joiner/1/6",
        "late-joiner/1/7");
  }
}
