package io.tributary.buffer;

import io.tributary.config.DatasetKeys;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a dataset's buffers become files: on the first of max age, max bytes and max records, which {@link #due}
 * returns as the {@link RollReason}; the landing layer adds memory pressure, revocation and shutdown. Nothing else
 * rolls a buffer: a schema change or a late event never does, because every partition path has its own buffer and
 * age.
 *
 * @param maxAge how long a buffer may wait from its first row (minutes for one dataset, hours for another)
 * @param maxBytes the most buffered bytes (compact row form, close to the JSON size) per file
 * @param maxRecords the most records per file
 */
public record RollingPolicy(Duration maxAge, long maxBytes, long maxRecords) {

  /** {@code rolling.max-age}'s default, as {@link DatasetKeys} declares it. */
  public static final Duration DEFAULT_MAX_AGE = DatasetKeys.ROLLING_MAX_AGE.byDefault();
  /** {@code rolling.max-bytes}'s default. */
  public static final long DEFAULT_MAX_BYTES = DatasetKeys.ROLLING_MAX_BYTES.byDefault();
  /** {@code rolling.max-records}'s default. */
  public static final long DEFAULT_MAX_RECORDS = DatasetKeys.ROLLING_MAX_RECORDS.byDefault();

  public RollingPolicy {
    Objects.requireNonNull(maxAge, "maxAge may not be null");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("Invalid rolling policy: max age " + maxAge + " must be positive");
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("Invalid rolling policy: max bytes " + maxBytes + " must be positive");
    }
    if (maxRecords < 1) {
      throw new IllegalArgumentException("Invalid rolling policy: max records " + maxRecords + " must be positive");
    }
  }

  /**
   * Rows with whole numbers waiting for their type that a buffer holds at most: its roll decides the type (the
   * evidence of this many events), instead of a whole first buffer of a new dataset waiting, then being read back
   * and re-homed at its roll.
   */
  public static final int WAITING_ROWS = 10_000;

  /** The keys' defaults: 5 minutes, 128 MiB, 5 million records. */
  public static RollingPolicy defaults() {
    return new RollingPolicy(DEFAULT_MAX_AGE, DEFAULT_MAX_BYTES, DEFAULT_MAX_RECORDS);
  }

  /**
   * Why {@code buffer} must roll now (bytes, records, waiting numbers or age), or empty if it may keep filling.
   */
  public Optional<RollReason> due(RowBuffer buffer, long nowMillis) {
    if (buffer.records() == 0) {
      return Optional.empty();
    }
    if (buffer.waitingRows() >= WAITING_ROWS) {
      return Optional.of(RollReason.NUMBERS);
    }
    if (buffer.bytes() >= maxBytes) {
      return Optional.of(RollReason.BYTES);
    }
    if (buffer.records() >= maxRecords) {
      return Optional.of(RollReason.RECORDS);
    }
    if (nowMillis - buffer.openedAtMillis() >= maxAge.toMillis()) {
      return Optional.of(RollReason.AGE);
    }
    return Optional.empty();
  }
}
