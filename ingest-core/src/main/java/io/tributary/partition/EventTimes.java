package io.tributary.partition;

/**
 * The range of instants Tributary partitions by: the years 1 to 9999 in UTC. Four digits spell every such year, and
 * every reader we promise (Athena, Spark, Trino, DuckDB) holds every such timestamp.
 */
public final class EventTimes {
  /** 0001-01-01T00:00:00Z in microseconds since the epoch. */
  public static final long MIN_MICROS = -62_135_596_800_000_000L;
  /** 9999-12-31T23:59:59.999999Z in microseconds since the epoch. */
  public static final long MAX_MICROS = 253_402_300_799_999_999L;

  private EventTimes() {}

  /** Whether {@code epochMicros} lies in the years 1 to 9999 (UTC). */
  public static boolean inRange(long epochMicros) {
    return epochMicros >= MIN_MICROS && epochMicros <= MAX_MICROS;
  }

  /**
   * A source timestamp in epoch milliseconds as microseconds, or null when it lies outside the years 1 to 9999 (a
   * broken producer clock: Kafka itself allows any 64-bit value).
   */
  public static Long fromSourceMillis(long epochMillis) {
    if (epochMillis < MIN_MICROS / 1_000L || epochMillis > MAX_MICROS / 1_000L) {
      return null;
    }
    return epochMillis * 1_000L;
  }
}
