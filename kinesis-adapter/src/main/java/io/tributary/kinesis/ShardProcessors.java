package io.tributary.kinesis;

import io.tributary.source.LagTracker;
import io.tributary.source.SourceLanding;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.kinesis.common.StreamIdentifier;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;

/**
 * What the shard processors of one source share: the landing layer, the lag, the processors that own a shard now
 * (for the stop), the first failure, and the tick that rolls aged buffers at most once per interval for all shards.
 * Also KCL's factory of processors.
 */
final class ShardProcessors implements ShardRecordProcessorFactory {

  private final SourceLanding landing;
  private final String singleStream;
  private final Clock clock;
  private final long tickMillis;
  private final AtomicLong lastTick;
  final LagTracker lag = new LagTracker(LagTracker.Unit.MILLIS);
  final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Set<ShardProcessor> owned = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  /**
   * @param singleStream the stream's name when KCL runs for one stream (its processors are not told the stream),
   *     null in multi-stream mode
   */
  ShardProcessors(SourceLanding landing, String singleStream, Duration tick, Clock clock) {
    this.landing = landing;
    this.singleStream = singleStream;
    this.clock = clock;
    this.tickMillis = tick.toMillis();
    this.lastTick = new AtomicLong(clock.millis());
  }

  @Override
  public ShardRecordProcessor shardRecordProcessor() {
    if (singleStream == null) {
      throw new IllegalStateException("In multi-stream mode KCL names the stream of each processor");
    }
    return new ShardProcessor(this, singleStream);
  }

  @Override
  public ShardRecordProcessor shardRecordProcessor(StreamIdentifier stream) {
    return new ShardProcessor(this, stream.streamName());
  }

  SourceLanding landing() {
    return landing;
  }

  void owns(ShardProcessor processor) {
    owned.add(processor);
  }

  void released(ShardProcessor processor) {
    owned.remove(processor);
  }

  List<ShardProcessor> owned() {
    return List.copyOf(owned);
  }

  /** Rolls aged buffers if a tick is due; any shard's read may call it, one of them does the work. */
  void tick() {
    long now = clock.millis();
    long last = lastTick.get();
    if (now - last >= tickMillis && lastTick.compareAndSet(last, now)) {
      landing.rollDue();
    }
  }

  /** From now on the processors take no more records: the source is stopping. */
  void stopping() {
    stopping = true;
  }

  boolean isStopping() {
    return stopping;
  }

  /** Remembers the first failure; the source reports FAILED from then on. */
  void failed(Throwable error) {
    failure.compareAndSet(null, error);
  }
}
