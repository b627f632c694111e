package io.tributary.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.buffer.RollingPolicy;
import io.tributary.decode.DecodeLimits;
import io.tributary.landing.DatasetLanding;
import io.tributary.landing.Landing;
import io.tributary.landing.LandingSettings;
import io.tributary.parquet.WriteOptions;
import io.tributary.partition.EventTimeFormat;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.routing.DatasetRouters;
import io.tributary.schema.EvolutionSettings;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the commit gate: an offset commit never passes a record the landing layer has not made durable, never
 * repeats or lowers what was already committed through the gate, and follows a partition through revocation
 * (its released checkpoint), forgetting and loss. Runs against a real {@link Landing} over local files, with a
 * clock moved by hand so buffers roll exactly when a test says.
 */
class CommitGateTest {

  private static final long HOUR_06 = 1_763_704_800_000L; // 2025-11-21T06:00:00Z
  private static final Duration ROLL_AGE = Duration.ofSeconds(1);

  private static final TopicPartition TP0 = new TopicPartition("orders", 0);
  private static final TopicPartition TP1 = new TopicPartition("orders", 1);
  private static final TopicPartition TP2 = new TopicPartition("orders", 2);

  @TempDir Path root;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-21T06:30:00Z"));
  private Landing landing;
  private CommitGate gate;

  @BeforeEach
  void setUp() {
    RollingPolicy rolling = new RollingPolicy(ROLL_AGE, 64L << 20, 1_000_000);
    LandingSettings settings = new LandingSettings("lake", "errors", "a", DecodeLimits.defaults(),
        DatasetRouters.byStream(),
        dataset -> new DatasetLanding(EvolutionSettings.defaults(),
            new PartitionSpec("ts", EventTimeFormat.EPOCH_MILLIS, Granularity.HOUR, List.of()), rolling),
        Granularity.HOUR, rolling, WriteOptions.defaults(), 64L << 20);
    landing = new Landing(settings, new LocalFileStore(root), clock);
    gate = new CommitGate(landing);
    for (TopicPartition tp : List.of(TP0, TP1, TP2)) {
      landing.assign(partition(tp));
    }
  }

  @Test
  void aPartitionWithNothingDurableIsLeftOutOfACommit() {
    take(TP0, 0, 4);

    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(5), TP1, new OffsetAndMetadata(0)))).isEmpty();
    assertThat(gate.clamp(Map.of(new TopicPartition("unassigned", 0), new OffsetAndMetadata(3)))).isEmpty();
    assertThat(gate.advanced(List.of(TP0, TP1))).isEmpty();
  }

  @Test
  void anOffsetAboveTheDurableOneIsLoweredToTheCheckpointPlusOne() {
    take(TP0, 0, 4);
    roll();
    take(TP0, 5, 9);
    assertThat(landing.checkpoint(partition(TP0))).contains(Position.parse("4"));

    Map<TopicPartition, OffsetAndMetadata> allowed =
        gate.clamp(Map.of(TP0, new OffsetAndMetadata(10, Optional.of(7), "streams-metadata")));

    assertThat(allowed).containsOnlyKeys(TP0);
    assertThat(allowed.get(TP0).offset()).isEqualTo(5);
    assertThat(allowed.get(TP0).metadata()).isEqualTo("streams-metadata");
    // The leader epoch belongs to the record at the requested offset, not to the lowered one.
    assertThat(allowed.get(TP0).leaderEpoch()).isEmpty();
  }

  @Test
  void anOffsetAtOrBelowTheDurableOnePassesUnchanged() {
    take(TP0, 0, 4);
    take(TP1, 0, 9);
    roll();

    OffsetAndMetadata atDurable = new OffsetAndMetadata(5, Optional.of(3), "at");
    OffsetAndMetadata below = new OffsetAndMetadata(2, Optional.of(4), "below");
    Map<TopicPartition, OffsetAndMetadata> allowed = gate.clamp(Map.of(TP0, atDurable, TP1, below));

    assertThat(allowed).isEqualTo(Map.of(TP0, atDurable, TP1, below));
  }

  @Test
  void anOffsetNotAboveWhatTheGateCommittedIsLeftOut() {
    take(TP0, 0, 4);
    roll();
    gate.committed(Map.of(TP0, new OffsetAndMetadata(5)));

    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(5)))).isEmpty();
    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(3)))).isEmpty();
    // A stale report of a lower commit (an async callback arriving late) does not move the mark back.
    gate.committed(Map.of(TP0, new OffsetAndMetadata(2)));
    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(4)))).isEmpty();

    take(TP0, 5, 9);
    roll();
    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(10)))).isEqualTo(Map.of(TP0, new OffsetAndMetadata(10)));
  }

  @Test
  void advancedListsOnlyPartitionsWhoseDurableOffsetPassedTheLastCommit() {
    take(TP0, 0, 4);
    take(TP2, 0, 2);
    roll();
    take(TP1, 0, 3);

    // TP1 has nothing durable; TP2 is durable but not in this consumer's assignment.
    assertThat(gate.advanced(List.of(TP0, TP1))).isEqualTo(Map.of(TP0, new OffsetAndMetadata(5)));

    gate.committed(Map.of(TP0, new OffsetAndMetadata(5)));
    assertThat(gate.advanced(List.of(TP0, TP1))).isEmpty();

    take(TP0, 5, 6);
    roll();
    assertThat(gate.advanced(List.of(TP0, TP1)))
        .isEqualTo(Map.of(TP0, new OffsetAndMetadata(7), TP1, new OffsetAndMetadata(4)));
  }

  @Test
  void aReleasedPartitionCommitsItsLastCheckpointUntilItIsForgotten() {
    take(TP0, 0, 4);
    roll();
    take(TP0, 5, 7);
    Optional<Position> last = landing.revoke(partition(TP0));
    assertThat(last).contains(Position.parse("7"));
    assertThat(landing.checkpoint(partition(TP0))).isEmpty();

    gate.release(TP0, last);

    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(Long.MAX_VALUE))))
        .isEqualTo(Map.of(TP0, new OffsetAndMetadata(8)));
    assertThat(gate.advanced(List.of(TP0))).isEqualTo(Map.of(TP0, new OffsetAndMetadata(8)));
    gate.committed(Map.of(TP0, new OffsetAndMetadata(8)));
    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(Long.MAX_VALUE)))).isEmpty();

    gate.forget(TP0);

    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(Long.MAX_VALUE)))).isEmpty();
    assertThat(gate.advanced(List.of(TP0))).isEmpty();
  }

  @Test
  void aPartitionReleasedWithNothingDurableCommitsNothing() {
    Optional<Position> last = landing.revoke(partition(TP1));
    assertThat(last).isEmpty();

    gate.release(TP1, last);

    assertThat(gate.clamp(Map.of(TP1, new OffsetAndMetadata(5)))).isEmpty();
    assertThat(gate.advanced(List.of(TP1))).isEmpty();
  }

  @Test
  void aForgottenPartitionAssignedAgainCommitsItsDurableOffsetAgain() {
    take(TP0, 0, 4);
    roll();
    gate.committed(gate.clamp(Map.of(TP0, new OffsetAndMetadata(5))));
    gate.release(TP0, landing.revoke(partition(TP0)));
    gate.forget(TP0);

    // Another member may have committed a lower offset meanwhile: what this gate once committed no longer counts.
    assertThat(landing.assign(partition(TP0))).contains(Position.parse("4"));
    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(5)))).isEqualTo(Map.of(TP0, new OffsetAndMetadata(5)));
  }

  @Test
  void aLostPartitionCommitsNothing() {
    take(TP0, 0, 4);
    roll();
    take(TP0, 5, 9);
    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(10)))).isNotEmpty();

    landing.drop(partition(TP0));

    assertThat(gate.clamp(Map.of(TP0, new OffsetAndMetadata(10)))).isEmpty();
    assertThat(gate.advanced(List.of(TP0))).isEmpty();
  }

  /** Hands offsets {@code from} to {@code to} of {@code tp} to the landing layer, where they are buffered. */
  private void take(TopicPartition tp, long from, long to) {
    for (long offset = from; offset <= to; offset++) {
      byte[] json = ("{\"id\": " + offset + ", \"ts\": " + (HOUR_06 + offset * 1000L) + "}")
          .getBytes(StandardCharsets.UTF_8);
      Landing.Outcome outcome = landing.accept(KafkaRecords.toSourceRecord(tp.topic(), tp.partition(), offset, null,
          new RecordHeaders(), HOUR_06 + offset * 1000L, json));
      assertThat(outcome).isEqualTo(Landing.Outcome.LANDED);
    }
  }

  /** Lets every open buffer age past its roll age and rolls it: what was taken becomes durable. */
  private void roll() {
    clock.advance(ROLL_AGE.plusMillis(1));
    landing.rollDue();
  }

  /** The landing layer's name of {@code tp}. */
  private static SourcePartition partition(TopicPartition tp) {
    return KafkaRecords.partitionOf(tp);
  }
}
