package io.tributary.kinesis;

import io.tributary.source.DurableCheckpoint;
import io.tributary.source.Position;
import io.tributary.source.SourceLanding;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * One shard's KCL record processor: hands the shard's records (KPL aggregates already split by KCL) to the landing
 * layer and checkpoints only what the landing layer made durable.
 *
 * <ul>
 *   <li>{@code initialize}: {@code Landing.assign} recovers the shard from the ledger.
 *   <li>{@code processRecords} (also for empty reads, so an idle shard's checkpoint follows its time-based rolls):
 *       accept each record, tick the rolls, then checkpoint at {@code Landing.checkpoint} if it moved. Never past
 *       the last record KCL handed over (KCL refuses that), which the durable position can pass after a recovery.
 *   <li>{@code shardEnded}: roll and commit everything ({@code Landing.revoke}), then checkpoint SHARD_END, after
 *       which KCL starts the child shards: children land after their parents.
 *   <li>{@code shutdownRequested} (KCL 3 hands a lease to another worker): roll, commit, checkpoint.
 *   <li>{@code leaseLost}: {@code Landing.drop}, nothing written; the next owner replays from the checkpoint.
 * </ul>
 *
 * <p>KCL calls one processor from one thread at a time; {@link #release} comes from the stopping thread, so
 * everything that touches the landing layer for this shard holds this processor's lock. A failure of the landing
 * layer (a permanent store error) poisons the processor: it takes nothing more and never checkpoints again, so no
 * checkpoint can pass the records that failed; the source reports FAILED.
 */
final class ShardProcessor implements ShardRecordProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(ShardProcessor.class);

  private final ShardProcessors shared;
  private final SourceLanding landing;
  private final String stream;
  private SourcePartition shard;
  private RecordProcessorCheckpointer checkpointer;
  /** The position of the last record KCL handed over: the highest checkpoint KCL accepts. */
  private Position lastHanded;
  /**
   * The positions handed over since the last checkpoint, in order. A checkpoint must name a record: the landing
   * layer's durable watermark can be "just before the first record still buffered", which for a plain record is a
   * sequence number that does not exist ({@code seq - 1} and sub-sequence 999999 once decoded); KCL would store it,
   * and the next owner's GetShardIterator would fail with ResourceNotFoundException, which KCL takes for the end of
   * the shard: every later record of the shard lost. So the checkpoint is the last record handed at or below it.
   */
  private final ArrayDeque<Position> handed = new ArrayDeque<>();
  /** The position last checkpointed (or found checkpointed at the start), moved by the one checkpoint rule. */
  private DurableCheckpoint checkpointed = new DurableCheckpoint(null);
  private boolean released;
  private boolean poisoned;

  ShardProcessor(ShardProcessors shared, String stream) {
    this.shared = shared;
    this.landing = shared.landing();
    this.stream = stream;
  }

  @Override
  public synchronized void initialize(InitializationInput input) {
    shard = new SourcePartition(stream, input.shardId());
    try {
      landing.assign(shard);
    } catch (RuntimeException e) {
      poison("recover " + shard + " from the ledger", e);
      throw e;
    }
    checkpointed = new DurableCheckpoint(KinesisPositions.of(input.extendedSequenceNumber()).orElse(null));
    shared.owns(this);
    LOG.info("Shard {} taken, checkpoint {}", shard, input.extendedSequenceNumber());
  }

  @Override
  public synchronized void processRecords(ProcessRecordsInput input) {
    if (released || poisoned || shared.isStopping()) {
      return;
    }
    checkpointer = input.checkpointer();
    if (input.millisBehindLatest() != null) {
      shared.lag.update(shard, input.millisBehindLatest());
    }
    try {
      for (KinesisClientRecord record : input.records()) {
        SourceRecord converted = toSourceRecord(record);
        landing.accept(converted);
        lastHanded = converted.position();
        handed.addLast(lastHanded);
      }
      shared.tick();
    } catch (RuntimeException e) {
      poison("land records of " + shard, e);
      throw e;
    }
    checkpointDurable(landing.checkpoint(shard));
  }

  @Override
  public synchronized void shardEnded(ShardEndedInput input) {
    if (poisoned) {
      throw new IllegalStateException("Shard " + shard + " failed earlier: not marking it finished");
    }
    if (!released) {
      try {
        landing.revoke(shard);
      } catch (RuntimeException e) {
        poison("roll and commit the finished shard " + shard, e);
        throw e;
      }
      release();
    }
    try {
      input.checkpointer().checkpoint();
      LOG.info("Shard {} finished: everything landed, SHARD_END checkpointed", shard);
    } catch (ShutdownException | InvalidStateException | ThrottlingException
        | KinesisClientLibDependencyException e) {
      // KCL retries the shutdown of a finished shard (here or on the next owner): the revoke above made it durable.
      throw new IllegalStateException("Could not checkpoint the end of " + shard, e);
    }
  }

  @Override
  public synchronized void shutdownRequested(ShutdownRequestedInput input) {
    checkpointer = input.checkpointer();
    releaseAndCheckpoint();
  }

  @Override
  public synchronized void leaseLost(LeaseLostInput input) {
    if (!released && shard != null) {
      landing.drop(shard);
      release();
      handed.clear();
      LOG.info("Shard {} lost: dropped what was buffered, the next owner reads it again", shard);
    }
  }

  /**
   * Gives the shard up for a stop: rolls and commits what was taken, checkpoints it. True when all of it is durable
   * and checkpointed (or there was nothing to do).
   */
  synchronized boolean releaseAndCheckpoint() {
    if (released) {
      return true;
    }
    if (poisoned) {
      return false;
    }
    Optional<Position> last;
    try {
      last = landing.revoke(shard);
    } catch (RuntimeException e) {
      poison("roll and commit " + shard, e);
      return false;
    }
    release();
    boolean done = checkpointDurable(last);
    handed.clear();
    return done;
  }

  /** Checkpoints at {@code durable} (lowered to the last record handed over) if that moves the checkpoint. */
  private boolean checkpointDurable(Optional<Position> durable) {
    if (lastHanded == null || checkpointer == null || poisoned) {
      return true;
    }
    Optional<Position> next = checkpointed.next(durable, lastHanded).flatMap(this::lastHandedAtOrBefore)
        .filter(at -> checkpointed.last().map(done -> !at.atOrBefore(done)).orElse(true));
    if (next.isEmpty()) {
      return true;
    }
    Position target = next.get();
    ExtendedSequenceNumber at = KinesisPositions.decode(target);
    try {
      checkpointer.checkpoint(at.sequenceNumber(), at.subSequenceNumber());
      checkpointed.done(target);
      return true;
    } catch (ShutdownException e) {
      LOG.debug("Checkpoint of {} refused: the lease is gone ({})", shard, e.toString());
    } catch (ThrottlingException | KinesisClientLibDependencyException e) {
      LOG.warn("Checkpoint of {} at {} deferred: {}", shard, target, e.toString());
    } catch (InvalidStateException | IllegalArgumentException e) {
      LOG.warn("Checkpoint of {} at {} refused", shard, target, e);
    }
    return false;
  }

  /** The last record handed over at or below {@code bound} (forgetting those before it), empty when none is. */
  private Optional<Position> lastHandedAtOrBefore(Position bound) {
    Position last = null;
    while (!handed.isEmpty() && handed.peekFirst().atOrBefore(bound)) {
      last = handed.pollFirst();
    }
    if (last != null) {
      // Kept as the floor of the next search: it is the checkpoint from now on, unless KCL refuses it.
      handed.addFirst(last);
    }
    return Optional.ofNullable(last);
  }

  private void release() {
    released = true;
    shared.released(this);
    shared.lag.remove(shard);
  }

  private void poison(String what, RuntimeException e) {
    poisoned = true;
    shared.failed(e);
    LOG.error("Could not {}; the shard stops here and the source fails (records not yet durable stay behind the "
        + "checkpoint)", what, e);
  }

  private SourceRecord toSourceRecord(KinesisClientRecord record) {
    Position position = KinesisPositions.encode(record.sequenceNumber(), record.subSequenceNumber());
    byte[] key = record.partitionKey() == null ? null : record.partitionKey().getBytes(StandardCharsets.UTF_8);
    long timestamp = record.approximateArrivalTimestamp() == null ? System.currentTimeMillis()
        : record.approximateArrivalTimestamp().toEpochMilli();
    return new SourceRecord(stream, shard.partition(), position, key, List.of(), timestamp, bytes(record.data()));
  }

  private static byte[] bytes(ByteBuffer data) {
    if (data == null) {
      return new byte[0];
    }
    ByteBuffer copy = data.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  @Override
  public String toString() {
    return "ShardProcessor[" + shard + "]";
  }
}
