package io.tributary.kafka;

import io.tributary.commit.SourcePartition;
import io.tributary.landing.Landing;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
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

  private final Landing landing;
  private final CommitGate gate;
  private final LagTracker lag;
  private final long tickMillis;
  private final Clock clock;
  private long lastTick;

  GatedConsumer(Map<String, Object> config, Landing landing, LagTracker lag, Duration tick, Clock clock) {
    super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.landing = landing;
    this.gate = new CommitGate(landing);
    this.lag = lag;
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
        super.commitSync(advanced);
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
    Map<TopicPartition, OffsetAndMetadata> allowed = gate.clamp(offsets);
    if (!allowed.isEmpty()) {
      super.commitSync(allowed);
      gate.committed(allowed);
    }
  }

  @Override
  public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
    Map<TopicPartition, OffsetAndMetadata> allowed = gate.clamp(offsets);
    if (!allowed.isEmpty()) {
      super.commitSync(allowed, timeout);
      gate.committed(allowed);
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
    super.subscribe(topics, new GatedRebalanceListener(listener, landing, gate, lag));
  }

  @Override
  public void subscribe(Pattern pattern, ConsumerRebalanceListener listener) {
    super.subscribe(pattern, new GatedRebalanceListener(listener, landing, gate, lag));
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
    try {
      for (TopicPartition tp : assignment()) {
        SourcePartition partition = KafkaRecords.partitionOf(tp);
        gate.release(tp, landing.revoke(partition));
        lag.remove(partition);
        last.put(tp, new OffsetAndMetadata(Long.MAX_VALUE));
      }
      Map<TopicPartition, OffsetAndMetadata> allowed = gate.clamp(last);
      if (!allowed.isEmpty()) {
        super.commitSync(allowed);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not roll and commit every partition on close; their records stay behind the committed "
          + "offsets and are read again by the next owner", e);
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
