package io.tributary.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kinesis.testing.DynamoDbLocal;
import io.tributary.kinesis.testing.KinesisLocal;
import io.tributary.landing.Landing;
import io.tributary.source.SourceState;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.TestLandings;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Kinesis source says when Kinesis or DynamoDB does not answer, before it starts and while it runs: one
 * sentence naming the endpoint ({@link KinesisSource#blockedBy()}, which readiness reports), against kinesis-local
 * and DynamoDB Local stopped by the test.
 */
class KinesisReadinessTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir
  Path root;

  @Test
  void aKinesisEndpointThatDoesNotListenIsNamedAndTheSourceWaits() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + freePort());
    try (DynamoDbLocal dynamo = DynamoDbLocal.start()) {
      Run run = new Run(nowhere, dynamo.endpoint(), "stream-a");
      try {
        run.await(() -> run.source.blockedBy().isPresent(), "a reason");
        assertThat(run.source.blockedBy()).contains("kinesis unreachable: " + nowhere + " (connection refused)");
        assertThat(run.source.state()).isEqualTo(SourceState.STARTING);
      } finally {
        run.stop();
      }
    }
  }

  @Test
  void aDynamoDbEndpointThatDoesNotListenIsNamedAsTheLeaseTables() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + freePort());
    try (KinesisLocal kinesis = KinesisLocal.start()) {
      kinesis.createStream("present", 1);
      Run run = new Run(kinesis.endpoint(), nowhere, "present");
      try {
        // On a loaded machine the first check can outlast its 5 s attempt while the client starts ("no answer
        // within 5 s"); the checks that follow see the refusal.
        run.await(() -> run.source.blockedBy().filter(r -> r.contains("connection refused")).isPresent(),
            "the refusal named");
        assertThat(run.source.blockedBy())
            .contains("lease table unreachable: dynamodb " + nowhere + " (connection refused)");
        assertThat(run.source.state()).isEqualTo(SourceState.STARTING);
      } finally {
        run.stop();
      }
    }
  }

  @Test
  void aMissingStreamIsNamedThenTheSourceStartsWhenItIsCreatedAndNamesKinesisWhenItStops() throws Exception {
    KinesisLocal kinesis = KinesisLocal.start();
    try (DynamoDbLocal dynamo = DynamoDbLocal.start()) {
      Run run = new Run(kinesis.endpoint(), dynamo.endpoint(), "later");
      try {
        run.await(() -> run.source.blockedBy().isPresent(), "a reason");
        assertThat(run.source.blockedBy())
            .contains("streams missing in kinesis " + kinesis.endpoint() + ": [later] (kinesis.streams)");

        kinesis.createStream("later", 1);
        run.await(() -> run.source.state() == SourceState.RUNNING, "the source to run");
        assertThat(run.source.blockedBy()).isEmpty();

        kinesis.close();
        run.await(() -> run.source.blockedBy().isPresent(), "kinesis to be named while running");
        assertThat(run.source.blockedBy())
            .contains("kinesis unreachable: " + kinesis.endpoint() + " (connection refused)");
        assertThat(run.source.state()).as("KCL itself keeps trying").isEqualTo(SourceState.RUNNING);
      } finally {
        run.stop();
      }
    } finally {
      kinesis.close();
    }
  }

  /** A source on a lake folder, started at once. */
  private final class Run {
    final Landing landing;
    final KinesisSource source;

    Run(URI kinesis, URI dynamo, String stream) {
      landing = new Landing(TestLandings.byStream("r", Duration.ofMillis(200)), new LocalFileStore(root),
          Clock.systemUTC());
      source = new KinesisSource(KinesisHarness.settings(kinesis, dynamo, "readiness-" + stream, List.of(stream)),
          landing, "r", KinesisLocal.CREDENTIALS);
      source.start();
    }

    void await(BooleanSupplier condition, String what) throws InterruptedException {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!condition.getAsBoolean()) {
        assertThat(System.nanoTime()).as("waited %s for %s; blocked by %s, state %s", PATIENCE, what,
            source.blockedBy(), source.state()).isLessThan(deadline);
        Thread.sleep(100);
      }
    }

    void stop() {
      source.stop(Duration.ofSeconds(20));
      assertThat(source.blockedBy()).as("a stopped source names nothing").isEqualTo(Optional.empty());
      landing.close();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
