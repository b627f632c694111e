package io.tributary.kinesis;

import io.tributary.kinesis.testing.KinesisLocal;
import io.tributary.landing.Landing;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.EngineJvm;
import io.tributary.testing.TestLandings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The engine as its own process, for tests that kill it: a Kinesis source into a folder lake, stopped gracefully
 * by SIGTERM. Arguments: Kinesis endpoint, DynamoDB endpoint, application, comma-separated streams, lake root,
 * worker id, roll age in milliseconds. What it prints and how it stops: {@link EngineJvm}.
 */
public final class KinesisEngineProcess {

  private KinesisEngineProcess() {}

  public static void main(String[] args) throws Exception {
    URI kinesis = URI.create(args[0]);
    URI dynamo = URI.create(args[1]);
    String application = args[2];
    List<String> streams = List.of(args[3].split(","));
    Path root = Path.of(args[4]);
    String instance = args[5];
    Duration rollAge = Duration.ofMillis(Long.parseLong(args[6]));

    KinesisSourceSettings settings = KinesisHarness.settings(kinesis, dynamo, application, streams);
    Landing landing = new Landing(TestLandings.byStream(instance, rollAge), new LocalFileStore(root), Clock.systemUTC());
    KinesisSource source = new KinesisSource(settings, landing, instance, KinesisLocal.CREDENTIALS);
    EngineJvm.serve(landing, source);
  }
}
