package io.tributary.kafka;

import io.tributary.landing.Landing;
import io.tributary.source.GracefulStop;
import io.tributary.source.SourceState;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.TestLandings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The engine as its own process, for tests that kill it: a Kafka source into a folder lake, stopped gracefully
 * by SIGTERM. Arguments: bootstrap servers, group, comma-separated topics, lake root, instance id, roll age in
 * milliseconds. Prints {@code ACCEPTED n} whenever the count of records taken changes, and the source's state; exits 1
 * when the source fails, as the service does.
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
    GracefulStop stop = new GracefulStop(Duration.ofSeconds(25), () -> {
      boolean stopped = source.stop(Duration.ofSeconds(20));
      landing.close();
      return stopped;
    }, status -> Runtime.getRuntime().halt(status));
    stop.install();
    source.start();
    Thread progress = new Thread(() -> report(landing, source), "progress");
    progress.setDaemon(true);
    progress.start();
    stop.awaitSignal();
  }

  private static void report(Landing landing, KafkaSource source) {
    long reported = -1;
    SourceState state = null;
    while (true) {
      long accepted = landing.acceptedCount();
      if (accepted != reported) {
        System.out.println("ACCEPTED " + accepted);
        reported = accepted;
      }
      if (source.state() != state) {
        state = source.state();
        System.out.println("STATE " + state);
        if (state == SourceState.FAILED) {
          Runtime.getRuntime().halt(1);
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
