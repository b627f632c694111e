package io.tributary.buffer;

import java.util.Locale;

/**
 * Why a buffer became a file: counted per committed file in {@code tributary.rolled.files{reason}}, so operators
 * see what shapes their files (small files from {@code memory} or {@code revoke} say the budget or the rebalances
 * are too tight).
 */
public enum RollReason {
  /** The buffer reached its dataset's max age ({@link RollingPolicy#maxAge}). */
  AGE,
  /** The buffer reached its dataset's max bytes. */
  BYTES,
  /** The buffer reached its dataset's max records. */
  RECORDS,
  /**
   * The buffer holds {@value RollingPolicy#WAITING_ROWS} rows whose whole numbers wait for their type: rolling decides
   * it, so the rest of the stream is typed and a dataset's first buffer is not all re-homed at its roll.
   */
  NUMBERS,
  /** The memory budget was reached ({@link MemoryBudget}): this buffer was over its share or among the largest. */
  MEMORY,
  /** Its source partition was given up (a rebalance, a lease moved, a shard ended): everything taken is committed. */
  REVOKE,
  /** The engine is stopping: everything taken is committed. */
  SHUTDOWN;

  /** The metric tag value: the name in lower case. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
