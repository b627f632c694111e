package io.tributary.kafka;

import io.tributary.source.LagTracker;
import io.tributary.source.SourceLanding;
import io.tributary.source.SourcePartition;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main consumer of one stream thread, with the commit gate built in. Kafka Streams stays in charge of
 * consumption (polling, tasks, rebalancing); this consumer
 *
 * <ul>
 *   <li>lowers every offset commit to what the landing layer made durable ({@link CommitGate});
 *   <li>wraps Kafka Streams' rebalance listener so partitions given up are rolled and committed first
 *       ({@link GatedRebalanceListener});
 *   <li>on each poll, at most once per tick: rolls aged buffers, commits offsets that became durable since, and
 *       samples the lag;
 *   <li>on close (the end of a stream thread), rolls and commits its partitions before leaving.
 * </ul>
 *
 * <p>Why here and not in a state store: Kafka Streams 4.3 calls {@code StateStore#commit} after it has committed
 * the consumer offsets, too late to hold them back. See docs/design/kafka.md.
 */
final class GatedConsumer extends KafkaConsumer<byte[], byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(GatedConsumer.class);
  private static final Duration TICK_COMMIT_TIMEOUT = Duration.ofSeconds(5);

  private final SourceLanding landing;
  private final CommitGate gate;
  private final LagTracker lag;
  private final PartitionOwners owners;
  private final long tickMillis;
  private final Clock clock;
  private long lastTick;

  GatedConsumer(Map<String, Object> config, SourceLanding landing, LagTracker lag, PartitionOwners owners,
      Duration tick, Clock clock) {
    super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.landing = landing;
    this.gate = new CommitGate(landing);
    this.lag = lag;
    this.owners = owners;
    this.tickMillis = tick.toMillis();
    this.clock = clock;
    this.lastTick = clock.millis();
  }

  @Override
  public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    long now = clock.millis();
    if (now - lastTick >= tickMillis) {
      lastTick = now;
      tick();
    }
    return super.poll(timeout);
  }

  private void tick() {
    landing.rollDue();
    Map<TopicPartition, OffsetAndMetadata> advanced = gate.advanced(assignment());
    if (!advanced.isEmpty()) {
      try {
        super.commitSync(advanced, TICK_COMMIT_TIMEOUT);
        gate.committed(advanced);
      } catch (RebalanceInProgressException | CommitFailedException | RetriableException e) {
        // A rebalance is under way or the commit timed out: the next tick, or Kafka Streams' revocation commit
        // through the gate, commits the same durable offsets. Nothing else depends on this one.
        LOG.debug("Commit of durable offsets deferred: {}", e.toString());
      }
    }
    for (TopicPartition tp : assignment()) {
      OptionalLong behind = currentLag(tp);
      if (behind.isPresent()) {
        lag.update(KafkaRecords.partitionOf(tp), behind.getAsLong());
      }
    }
  }

  @Override
  public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    commitSync(offsets, null);
  }

  /**
   * Kafka Streams' commits, clamped. A commit that times out is given up rather than thrown: committing less is
   * always safe, while Kafka Streams answers a failed commit by seeking its tasks back and, after
   * {@code task.timeout.ms}, by failing the thread.
   */
  @Override
  public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
    Map<TopicPartition, OffsetAndMetadata> allowed = gate.clamp(offsets);
    if (allowed.isEmpty()) {
      return;
    }
    try {
      if (timeout == null) {
        super.commitSync(allowed);
      } else {
        super.commitSync(allowed, timeout);
      }
      gate.committed(allowed);
    } catch (RetriableException e) {
      LOG.warn("Offset commit given up ({}); the next one commits the same durable offsets", e.toString());
    }
  }

  @Override
  public void commitSync() {
    commitSync(positions());
  }

  @Override
  public void commitSync(Duration timeout) {
    commitSync(positions(), timeout);
  }

  @Override
  public void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
    Map<TopicPartition, OffsetAndMetadata> allowed = gate.clamp(offsets);
    if (allowed.isEmpty()) {
      if (callback != null) {
        callback.onComplete(allowed, null);
      }
      return;
    }
    super.commitAsync(allowed, (committed, error) -> {
      if (error == null) {
        gate.committed(committed);
      }
      if (callback != null) {
        callback.onComplete(committed, error);
      }
    });
  }

  @Override
  public void commitAsync() {
    commitAsync(positions(), null);
  }

  @Override
  public void commitAsync(OffsetCommitCallback callback) {
    commitAsync(positions(), callback);
  }

  @Override
  public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
    super.subscribe(topics, new GatedRebalanceListener(listener, this, landing, gate, lag, owners));
  }

  @Override
  public void subscribe(Pattern pattern, ConsumerRebalanceListener listener) {
    super.subscribe(pattern, new GatedRebalanceListener(listener, this, landing, gate, lag, owners));
  }

  /**
   * Gives each newly assigned partition that has no committed offset and nothing in the ledger a committed
   * offset at once: its current position. Without it, a task that dies before its first flush leaves the group
   * with no offset, and with {@code start-from: latest} the next owner would start past records this one took.
   * The position passes no record anyone took.
   */
  void pinStartPositions(Collection<TopicPartition> partitions) {
    Set<TopicPartition> fresh = new HashSet<>();
    for (TopicPartition tp : partitions) {
      if (landing.checkpoint(KafkaRecords.partitionOf(tp)).isEmpty()) {
        fresh.add(tp);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = committed(fresh, TICK_COMMIT_TIMEOUT);
      Map<TopicPartition, OffsetAndMetadata> pins = new LinkedHashMap<>();
      for (TopicPartition tp : fresh) {
        if (committed.get(tp) == null) {
          pins.put(tp, new OffsetAndMetadata(position(tp, TICK_COMMIT_TIMEOUT)));
        }
      }
      if (!pins.isEmpty()) {
        super.commitSync(pins, TICK_COMMIT_TIMEOUT);
        gate.committed(pins);
      }
    } catch (RebalanceInProgressException | CommitFailedException | RetriableException e) {
      LOG.warn("Could not pin the start offsets of {} ({}); a task dying before its first flush may then start "
          + "from kafka.start-from again", fresh, e.toString());
    }
  }

  @Override
  public void close() {
    releaseAll();
    super.close();
  }

  @Override
  @Deprecated
  public void close(Duration timeout) {
    releaseAll();
    super.close(CloseOptions.timeout(timeout));
  }

  @Override
  public void close(CloseOptions options) {
    releaseAll();
    super.close(options);
  }

  /**
   * The end of a stream thread (Kafka Streams has committed and closed its tasks): roll and commit every owned
   * partition, then commit their offsets. A failure leaves the records behind the committed offset: nothing lost.
   */
  private void releaseAll() {
    Map<TopicPartition, OffsetAndMetadata> last = new LinkedHashMap<>();
    for (TopicPartition tp : assignment()) {
      if (!owners.release(tp, this)) {
        continue;
      }
      SourcePartition partition = KafkaRecords.partitionOf(tp);
      lag.remove(partition);
      try {
        gate.release(tp, landing.revoke(partition));
        last.put(tp, new OffsetAndMetadata(Long.MAX_VALUE));
      } catch (RuntimeException e) {
        owners.failedRelease();
        LOG.warn("Could not roll and commit {} on close; its records stay behind the committed offset and are "
            + "read again by the next owner", partition, e);
      }
    }
    try {
      Map<TopicPartition, OffsetAndMetadata> allowed = gate.clamp(last);
      if (!allowed.isEmpty()) {
        super.commitSync(allowed, TICK_COMMIT_TIMEOUT);
      }
    } catch (RuntimeException e) {
      owners.failedRelease();
      LOG.warn("Could not commit the offsets of {} on close; the next owner reads their last records again and "
          + "drops them as duplicates", last.keySet(), e);
    } finally {
      last.keySet().forEach(gate::forget);
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> positions() {
    Map<TopicPartition, OffsetAndMetadata> positions = new LinkedHashMap<>();
    for (TopicPartition tp : assignment()) {
      positions.put(tp, new OffsetAndMetadata(position(tp)));
    }
    return positions;
  }
}
