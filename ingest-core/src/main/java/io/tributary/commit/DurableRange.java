package io.tributary.commit;

import io.tributary.source.Position;
import java.util.Objects;

/**
 * The records of one source partition that one rolled buffer held: every record between {@code first} and
 * {@code last} (inclusive) whose buffer key is {@code bufferKey}. A buffer takes every record of its key in order,
 * so a re-delivered record is in the file exactly when its own buffer key matches and its position is in range.
 *
 * @param bufferKey the dataset and partition path (or error path) of the buffer, computed deterministically from
 *     the record
 * @param first the first source position in the file
 * @param last the last source position in the file
 */
public record DurableRange(String bufferKey, Position first, Position last) {
  public DurableRange {
    Objects.requireNonNull(bufferKey, "bufferKey may not be null");
    Objects.requireNonNull(first, "first may not be null");
    Objects.requireNonNull(last, "last may not be null");
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("Invalid durable range: first " + first + " is after last " + last);
    }
  }

  /** True when the record at {@code position} with buffer key {@code key} is one of this range's records. */
  public boolean holds(String key, Position position) {
    return bufferKey.equals(key) && first.compareTo(position) <= 0 && position.compareTo(last) <= 0;
  }
}
