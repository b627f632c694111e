package io.tributary.source;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A record's place in its source partition: a Kafka offset or a Kinesis sequence number (which does not fit in 64
 * bits, followed by six digits of sub-sequence number), a non-negative decimal integer. Parsed once, compared as a
 * number: a value that fits a {@code long} compares without allocating, a larger one as a {@link BigInteger}.
 *
 * <p>Immutable. {@link #toString()} gives back the text it was parsed from (the ledger and file names keep it as
 * written); {@link #equals} compares values, so {@code "007"} equals {@code "7"}.
 */
public final class Position implements Comparable<Position> {
  /** Values below it (18 digits) are kept as a long; the rest as a BigInteger, so each value has one form. */
  private static final long SMALL_LIMIT = 1_000_000_000_000_000_000L;
  private static final int SMALL_DIGITS = 18;
  private static final BigInteger SMALL_LIMIT_BIG = BigInteger.valueOf(SMALL_LIMIT);

  /** The value when it is below {@link #SMALL_LIMIT}; unused when {@link #big} is set. */
  private final long small;
  /** The value when it is at or above {@link #SMALL_LIMIT}, else null. */
  private final BigInteger big;
  private final String text;

  private Position(long small, BigInteger big, String text) {
    this.small = small;
    this.big = big;
    this.text = text;
  }

  /**
   * The position written as {@code text}.
   *
   * @throws IllegalArgumentException unless {@code text} is a non-empty string of decimal digits
   */
  public static Position parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("Invalid source position: empty");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("Invalid source position '" + text
            + "': positions are non-negative decimal integers (offsets, sequence numbers)");
      }
    }
    int start = 0;
    while (start < text.length() - 1 && text.charAt(start) == '0') {
      start++;
    }
    if (text.length() - start <= SMALL_DIGITS) {
      return new Position(Long.parseLong(text, start, text.length(), 10), null, text);
    }
    return new Position(0, new BigInteger(text.substring(start)), text);
  }

  /** The position {@code value}, a Kafka offset. */
  public static Position of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("Invalid source position " + value + ": must not be negative");
    }
    return value < SMALL_LIMIT ? new Position(value, null, Long.toString(value))
        : new Position(0, BigInteger.valueOf(value), Long.toString(value));
  }

  /** The position just before this one, or null when this is 0 (nothing comes before it). */
  public Position before() {
    if (big == null) {
      return small == 0 ? null : of(small - 1);
    }
    return fromBig(big.subtract(BigInteger.ONE));
  }

  /** The position just after this one. */
  public Position after() {
    if (big == null) {
      return of(small + 1);
    }
    return fromBig(value().add(BigInteger.ONE));
  }

  /** The value as a long, for sources whose positions are longs (Kafka offsets). */
  public long toLong() {
    return big == null ? small : big.longValueExact();
  }

  /** True when this is at or before {@code other}; a null {@code other} (no position yet) is before everything. */
  public boolean atOrBefore(Position other) {
    return other != null && compareTo(other) <= 0;
  }

  /** The later of two positions, either of which may be null (none). */
  public static Position max(Position a, Position b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }

  /** The earlier of two positions, either of which may be null (no bound). */
  public static Position min(Position a, Position b) {
    return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public int compareTo(Position other) {
    if (big == null && other.big == null) {
      return Long.compare(small, other.small);
    }
    if (big == null || other.big == null) {
      // Each value has one form: a big one is beyond every small one.
      return big == null ? -1 : 1;
    }
    return big.compareTo(other.big);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Position other && compareTo(other) == 0;
  }

  @Override
  public int hashCode() {
    return big == null ? Long.hashCode(small) : big.hashCode();
  }

  /** The decimal text, as parsed: what the ledger stores. */
  @Override
  public String toString() {
    return text;
  }

  private BigInteger value() {
    return big == null ? BigInteger.valueOf(small) : big;
  }

  private static Position fromBig(BigInteger value) {
    return value.compareTo(SMALL_LIMIT_BIG) < 0 ? of(value.longValue()) : new Position(0, value, value.toString());
  }
}
