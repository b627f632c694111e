package io.tributary.app.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary dev-kafka}: a local Kafka broker (KRaft, in this process, no Docker) that stays up until Ctrl-C,
 * for trying {@code tributary run} without a Kafka of one's own.
 */
@Command(name = "dev-kafka", mixinStandardHelpOptions = true, description = {
    "Start a local Kafka broker (KRaft, in this process, no Docker) and keep it up until Ctrl-C, printing its "
        + "bootstrap address: for trying `tributary run` without a Kafka of your own.",
    "Its data lives in a temporary folder and is gone when it stops. Not for production.",
    "Example: tributary dev-kafka --topics orders,payments   then, in another terminal,",
    "  KAFKA_BOOTSTRAP=<printed address> tributary run --config examples/local-kafka-folder.yaml --log-format plain"})
public final class DevKafkaCommand implements Callable<Integer> {

  @Option(names = "--topics", split = ",", paramLabel = "NAME",
      description = "Topics to create (comma-separated); producers can also create them (auto-create is on).")
  List<String> topics = List.of();

  @Option(names = "--partitions", defaultValue = "2", description = "Partitions of each topic created (default 2).")
  int partitions;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Released when the broker should stop (Ctrl-C, or a test). */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dataDir = Files.createTempDirectory("tributary-dev-kafka");
    try (EmbeddedKafka kafka = EmbeddedKafka.startQuietly(dataDir, true)) {
      if (!topics.isEmpty()) {
        kafka.createTopics(topics, partitions);
      }
      Thread hook = new Thread(stop::countDown, "dev-kafka-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      out.printf("Kafka broker up at %s%s%n", kafka.bootstrapServers(),
          topics.isEmpty() ? "" : " with topics " + String.join(", ", topics));
      out.printf("Use it:  export KAFKA_BOOTSTRAP=%s%n", kafka.bootstrapServers());
      out.printf("         ./tributary run --config examples/local-kafka-folder.yaml --log-format plain%n");
      out.println("Ctrl-C stops it (its data is deleted).");
      out.flush();
      stop.await();
      out.println("Stopping the broker.");
      out.flush();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is what released the latch.
      }
    } finally {
      EmbeddedKafka.deleteTree(dataDir);
    }
    return 0;
  }
}
