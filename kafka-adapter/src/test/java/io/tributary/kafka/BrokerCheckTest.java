package io.tributary.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kafka.testing.KafkaBroker;
import io.tributary.landing.Landing;
import io.tributary.source.SourceState;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.TestLandings;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Kafka source says before it starts: brokers that do not answer, topics that do not exist. */
class BrokerCheckTest {

  private static KafkaBroker broker;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start();
    broker.createTopic("present", 1);
    broker.createTopic("counted-a", 3);
    broker.createTopic("counted-b", 4);
  }

  @AfterAll
  static void stop() throws Exception {
    broker.close();
  }

  @Test
  void brokersThatDoNotListenAreNamedUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    KafkaSourceSettings settings = KafkaSourceSettings.forTopics("localhost:" + port, "check", List.of("present"));
    try (BrokerCheck check = new BrokerCheck(settings, "test", Duration.ofSeconds(2))) {
      assertThat(check.problem()).contains("brokers unreachable at localhost:" + port);
    }
  }

  @Test
  void aMissingTopicIsNamedAndAPresentOneIsFine() throws Exception {
    KafkaSourceSettings missing = KafkaSourceSettings.forTopics(broker.bootstrapServers(), "check",
        List.of("present", "does-not-exist"));
    try (BrokerCheck check = new BrokerCheck(missing, "test", Duration.ofSeconds(10))) {
      assertThat(check.problem()).hasValueSatisfying(problem -> assertThat(problem)
          .startsWith("topics missing at " + broker.bootstrapServers() + ": [does-not-exist]")
          .doesNotContain("present"));
    }
    KafkaSourceSettings present = KafkaSourceSettings.forTopics(broker.bootstrapServers(), "check",
        List.of("present"));
    try (BrokerCheck check = new BrokerCheck(present, "test", Duration.ofSeconds(10))) {
      assertThat(check.problem()).isEmpty();
    }
  }

  @Test
  void thePartitionsOfTheNamedOrMatchedTopicsAreCountedForTheInputQueue() throws Exception {
    KafkaSourceSettings named = KafkaSourceSettings.forTopics(broker.bootstrapServers(), "check",
        List.of("counted-a", "counted-b", "present"));
    try (BrokerCheck check = new BrokerCheck(named, "test", Duration.ofSeconds(10))) {
      assertThat(check.partitions()).hasValue(8);
    }
    KafkaSourceSettings matched = KafkaSourceSettings.forPattern(broker.bootstrapServers(), "check",
        "counted-.*");
    try (BrokerCheck check = new BrokerCheck(matched, "test", Duration.ofSeconds(10))) {
      assertThat(check.partitions()).hasValue(7);
    }
  }

  @Test
  void aSourceWaitsForItsTopicSayingWhyThenStartsWhenItIsCreated(@TempDir Path lake) throws Exception {
    String topic = "created-later";
    Landing landing = new Landing(TestLandings.byStream("a", Duration.ofSeconds(1)), new LocalFileStore(lake),
        Clock.systemUTC());
    KafkaSource source = new KafkaSource(KafkaHarness.settings(broker.bootstrapServers(), "waits", List.of(topic)),
        landing, "test");
    try {
      source.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (source.blockedBy().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(source.blockedBy()).hasValueSatisfying(reason -> assertThat(reason).contains("[" + topic + "]"));
      assertThat(source.state()).isEqualTo(SourceState.STARTING);
      broker.createTopic(topic, 1);
      while (source.state() != SourceState.RUNNING && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(source.state()).isEqualTo(SourceState.RUNNING);
      assertThat(source.blockedBy()).isEmpty();
    } finally {
      source.stop(Duration.ofSeconds(20));
      landing.close();
    }
  }
}
