package io.tributary.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.landing.Landing;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceState;
import io.tributary.kinesis.testing.KinesisLocal;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.TestLandings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The very first start of an application, on an empty DynamoDB: nothing pre-created, as a user's first
 * {@code tributary run}. Prints how long the source took to be ready and to checkpoint its first record
 * ({@code FIRST-START} lines, quoted in docs/design/kinesis.md; figures, not assertions), and checks what the source
 * created before KCL's scheduler ran: the lease table with KCL's owner index, on-demand.
 */
class KinesisFirstStartTest extends WithKinesisServers {

  @TempDir
  Path root;

  @Test
  void aFirstStartOnAnEmptyDynamoDbCreatesTheLeaseTableWithItsIndexAndLands() throws Exception {
    String stream = harness.createStream("first", 2);
    String application = "first-start";
    Shard shard = harness.kinesis().shards(stream, false).get(0);
    String position = KinesisPositions.encode(harness.kinesis().put(stream, shard, "k",
        "{\"id\": 1, \"ts\": 1763704800000}".getBytes(StandardCharsets.UTF_8)).sequenceNumber(), 0).toString();

    Landing landing = new Landing(TestLandings.byStream("a", Duration.ofMillis(200)), new LocalFileStore(root),
        Clock.systemUTC());
    KinesisSource source = new KinesisSource(harness.settings(application, List.of(stream)), landing, "a",
        KinesisLocal.CREDENTIALS);
    long started = System.nanoTime();
    Long ready = null;
    try {
      source.start();
      long deadline = started + Duration.ofSeconds(150).toNanos();
      while (System.nanoTime() < deadline) {
        if (ready == null && source.state() == SourceState.RUNNING) {
          ready = System.nanoTime() - started;
        }
        if (harness.committedThrough(application, new SourcePartition(stream, shard.shardId())).isPresent()) {
          break;
        }
        assertThat(source.state()).isNotEqualTo(SourceState.FAILED);
        Thread.sleep(100);
      }
      long checkpointed = System.nanoTime() - started;
      System.out.printf("FIRST-START ready after %.1f s, first record checkpointed after %.1f s%n",
          ready == null ? -1 : ready / 1e9, checkpointed / 1e9);
      assertThat(harness.committedThrough(application, new SourcePartition(stream, shard.shardId())))
          .contains(position);
    } finally {
      source.stop(Duration.ofSeconds(20));
      landing.close();
    }
    TableDescription table = harness.dynamo().client().describeTable(b -> b.tableName(application)).join().table();
    assertThat(table.globalSecondaryIndexes()).singleElement()
        .satisfies(index -> assertThat(index.indexName()).isEqualTo("LeaseOwnerToLeaseKeyIndex"));
  }
}
