package io.tributary.source;

import java.util.Optional;

/**
 * The one rule for moving a source's checkpoint (a Kafka committed offset, a Kinesis lease checkpoint): never past
 * what is durable, never back. Tracks one source partition's last checkpoint; the adapter asks {@link #next} what to
 * checkpoint, does it, and reports it with {@link #done}. Not thread-safe: one per partition, used by the thread
 * that owns the partition.
 *
 * <p>Positions are the source's own: an adapter that commits "the next position to read" (Kafka) passes durable,
 * ceiling and done values all in that form.
 */
public final class DurableCheckpoint {
  private Position last;

  /** @param alreadyCheckpointed where the source's checkpoint stands, or null when it has none */
  public DurableCheckpoint(Position alreadyCheckpointed) {
    this.last = alreadyCheckpointed;
  }

  /**
   * Where to checkpoint now: {@code durable} lowered to {@code ceiling}, if that is past the last checkpoint.
   *
   * @param durable what the landing layer made durable, empty when nothing is
   * @param ceiling the highest position the source accepts or asked for (null: no ceiling)
   * @return the position to checkpoint, empty when the checkpoint would not move forward
   */
  public Optional<Position> next(Optional<Position> durable, Position ceiling) {
    if (durable.isEmpty()) {
      return Optional.empty();
    }
    Position target = Position.min(durable.get(), ceiling);
    return target.atOrBefore(last) ? Optional.empty() : Optional.of(target);
  }

  /** Records that the source checkpointed {@code at}; a checkpoint never goes back. */
  public void done(Position at) {
    last = Position.max(last, at);
  }

  /** The last checkpoint, empty when there is none. */
  public Optional<Position> last() {
    return Optional.ofNullable(last);
  }
}
