package io.tributary.source;

import java.util.Optional;

/**
 * The landing layer as a source adapter sees it: records in, durable positions out. The only thing an adapter calls.
 *
 * <p>An adapter {@link #assign}s a source partition (which recovers it and says where to resume), hands its records
 * to {@link #accept} in order, calls {@link #rollDue} now and then for time-based rolls, moves its source position
 * only as {@link DurableCheckpoint} allows from {@link #checkpoint}, and {@link #revoke}s the partition when it
 * gives it up ({@link #drop} when it lost it). Every record ends in a data file, an error file, or stays behind the
 * checkpoint. Implementations are thread-safe; calls of one partition come in order.
 */
public interface SourceLanding {

  /** What became of one accepted record. */
  enum Outcome {
    /** Buffered for a data file. */
    LANDED,
    /** Buffered for an error file. */
    ERROR,
    /** Already durable (a replay after a restart or a rebalance): skipped. */
    DUPLICATE
  }

  /**
   * Takes ownership of {@code partition} and recovers it. While the store is down this call waits. Assigning a
   * partition again forgets what was buffered for it (the source replays it from its checkpoint).
   *
   * @return the position to resume after (every position at or below it is durable), or empty to start from the
   *     source's own start position
   */
  Optional<Position> assign(SourcePartition partition);

  /**
   * Takes one record of an assigned partition, in source order. While the object store is down this call waits
   * (and so does the source) and loses nothing; it throws only for a permanent store failure.
   */
  Outcome accept(SourceRecord record);

  /** Rolls every buffer whose age, size or record count is due. */
  void rollDue();

  /** The position the source may commit: every record at or below it is durable. Empty when none is yet. */
  Optional<Position> checkpoint(SourcePartition partition);

  /**
   * Gives up {@code partition}: rolls and commits everything buffered for it, then forgets it.
   *
   * @return the partition's last checkpoint (every record taken is at or below it), empty if it was not assigned
   *     or nothing of it is durable
   */
  Optional<Position> revoke(SourcePartition partition);

  /** Gives up {@code partition} without writing anything: its records stay behind its checkpoint. */
  void drop(SourcePartition partition);
}
