package io.tributary.app.demo;

import io.tributary.app.cli.CommandFailure;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real Kafka broker (KRaft, broker and controller in one) inside this process, on a free local port. */
final class EmbeddedKafka implements AutoCloseable {

  private final KafkaClusterTestKit cluster;

  private EmbeddedKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /**
   * Starts the broker with stdout silenced (the broker's formatting prints to it).
   *
   * @param autoCreateTopics whether a producer's first send to a topic creates it
   */
  static EmbeddedKafka startQuietly(Path dataDir, boolean autoCreateTopics) throws Exception {
    java.io.PrintStream stdout = System.out;
    System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    try {
      return start(dataDir, autoCreateTopics);
    } catch (NoClassDefFoundError e) {
      throw new CommandFailure("This jar has no embedded Kafka broker (the service image's jar leaves it out): run "
          + "`demo` and `dev-kafka` from a clone with ./tributary");
    } finally {
      System.setOut(stdout);
    }
  }

  private static EmbeddedKafka start(Path dataDir, boolean autoCreateTopics) throws Exception {
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(dataDir).build())
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "2")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("auto.create.topics.enable", Boolean.toString(autoCreateTopics))
        .setConfigProp("num.partitions", "2")
        .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new EmbeddedKafka(cluster);
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  void createTopics(List<String> topics, int partitions) throws Exception {
    try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", bootstrapServers()))) {
      admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all().get();
    }
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }

  /** Deletes a folder and what it holds, if it exists. */
  static void deleteTree(Path dir) throws java.io.IOException {
    if (!java.nio.file.Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(path);
      }
    }
  }
}
