package io.tributary.kafka;

import io.tributary.landing.Landing;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.EngineJvm;
import io.tributary.testing.TestLandings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The engine as its own process, for tests that kill it: a Kafka source into a folder lake, stopped gracefully
 * by SIGTERM. Arguments: bootstrap servers, group, comma-separated topics, lake root, instance id, roll age in
 * milliseconds. What it prints and how it stops: {@link EngineJvm}.
 */
public final class EngineProcess {

  private EngineProcess() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String group = args[1];
    List<String> topics = List.of(args[2].split(","));
    Path root = Path.of(args[3]);
    String instance = args[4];
    Duration rollAge = Duration.ofMillis(Long.parseLong(args[5]));

    Landing landing = new Landing(TestLandings.byStream(instance, rollAge), new LocalFileStore(root), Clock.systemUTC());
    KafkaSource source = new KafkaSource(KafkaHarness.settings(bootstrap, group, topics).withStreamThreads(2),
        landing, instance);
    EngineJvm.serve(landing, source);
  }
}
