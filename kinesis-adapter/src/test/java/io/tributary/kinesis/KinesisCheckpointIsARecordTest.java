package io.tributary.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kinesis.testing.KinesisLocal;
import io.tributary.landing.Landing;
import io.tributary.source.SourcePartition;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.TestLandings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Every checkpoint names a record of the shard. Found by the Kinesis chaos suite: with two buffers of one shard open
 * (two event-time hours), the older rolls first and the landing layer's durable watermark is "just before the first
 * record still buffered"; for a plain record that is {@code seq - 1} with sub-sequence 999999, a sequence number
 * that does not exist. KCL stored it, the next owner's GetShardIterator failed with ResourceNotFoundException, KCL
 * took that for the end of the shard and checkpointed SHARD_END: the rest of the shard was never read.
 */
class KinesisCheckpointIsARecordTest extends WithKinesisServers {

  private static final long HOUR = 1_763_704_800_000L;

  @TempDir
  Path root;

  @Test
  void aCheckpointBetweenTwoBuffersIsTheLastDurableRecordAndTheNextOwnerReadsOn() throws Exception {
    String stream = harness.createStream("records", 1);
    String application = "records-app";
    harness.createLeases(application, List.of(stream));
    Shard shard = harness.kinesis().shards(stream, false).get(0);
    SourcePartition partition = new SourcePartition(stream, shard.shardId());
    List<String> sent = new ArrayList<>();

    Set<String> seen = new LinkedHashSet<>();
    Landing landing = new Landing(TestLandings.byStream("a", Duration.ofSeconds(1)), new LocalFileStore(root),
        Clock.systemUTC());
    KinesisSource first = new KinesisSource(harness.settings(application, List.of(stream)), landing, "a",
        KinesisLocal.CREDENTIALS);
    try {
      first.start();
      long started = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (first.state() != io.tributary.source.SourceState.RUNNING && System.nanoTime() < started) {
        Thread.sleep(100);
      }
      Thread.sleep(3_000); // the lease taken, the shard read every 200 ms
      sent.add(put(stream, shard, HOUR)); // hour A: its buffer rolls first
      Thread.sleep(600);
      sent.add(put(stream, shard, HOUR + 3_600_000)); // hour B, opened later: still buffered when A rolls
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline && !seen.contains(sent.get(1))) {
        harness.committedThrough(application, partition).ifPresent(seen::add);
        Thread.sleep(50);
      }
    } finally {
      first.stop(Duration.ofSeconds(20));
      landing.close();
    }
    assertThat(seen).as("every checkpoint seen names a record sent").isSubsetOf(sent).contains(sent.get(1));
  }

  private static String put(String stream, Shard shard, long ts) {
    String json = "{\"ts\": " + ts + "}";
    return KinesisPositions.encode(harness.kinesis().put(stream, shard, "k", json.getBytes(StandardCharsets.UTF_8))
        .sequenceNumber(), 0).toString();
  }
}
