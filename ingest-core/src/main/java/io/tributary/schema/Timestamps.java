package io.tributary.schema;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads a JSON value as a point in time, in microseconds since the epoch (UTC): how a {@link PrimitiveType#TIMESTAMP}
 * column takes a value, and how the event time is read by default ({@code io.tributary.partition.EventTimeFormat}).
 *
 * <p>Strings: ISO-8601 date-times with {@code T} or a space, optional fraction (to nanoseconds, truncated to
 * micros), and an offset ({@code Z}, {@code +02:00}) or none (then UTC); a bare date is midnight UTC. Numbers are
 * epoch time whose unit follows from the magnitude: below 1e11 seconds (until the year 5138), below 1e14
 * milliseconds, below 1e17 microseconds, else nanoseconds. Anything else is not a time.
 */
public final class Timestamps {
  private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart()
      .appendLiteral('T')
      .optionalEnd()
      .optionalStart()
      .appendLiteral(' ')
      .optionalEnd()
      .optionalStart()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalEnd()
      .optionalStart()
      .appendOffset("+HH:MM:ss", "Z")
      .optionalEnd()
      .optionalStart()
      .appendOffset("+HHmm", "Z")
      .optionalEnd()
      .toFormatter();

  private static final long MIN_MICROS = -62135596800_000000L; // 0001-01-01T00:00:00Z
  private static final long MAX_MICROS = 253402300799_999999L; // 9999-12-31T23:59:59.999999Z

  private Timestamps() {}

  /** Microseconds since the epoch, or null when {@code value} is not a time Tributary can read. */
  public static Long toMicros(Object value) {
    if (value instanceof String s) {
      return parse(s);
    }
    if (value instanceof Long l) {
      return fromEpoch(l.doubleValue(), l);
    }
    if (value instanceof Double d) {
      return fromEpoch(d, null);
    }
    return null;
  }

  private static Long fromEpoch(double magnitude, Long exact) {
    if (Double.isNaN(magnitude) || Double.isInfinite(magnitude)) {
      return null;
    }
    double abs = Math.abs(magnitude);
    long micros;
    if (exact != null) {
      long v = exact;
      micros = abs < 1e11 ? v * 1_000_000L : abs < 1e14 ? v * 1_000L : abs < 1e17 ? v : v / 1_000L;
    } else {
      double scaled = abs < 1e11 ? magnitude * 1e6 : abs < 1e14 ? magnitude * 1e3 : abs < 1e17 ? magnitude : magnitude / 1e3;
      micros = (long) Math.floor(scaled);
    }
    return micros < MIN_MICROS || micros > MAX_MICROS ? null : micros;
  }

  private static Long parse(String text) {
    String s = text.trim();
    if (s.length() < 10 || s.length() > 40) {
      return null;
    }
    try {
      TemporalAccessor t = ISO.parse(s);
      Instant instant;
      if (!t.isSupported(ChronoField.HOUR_OF_DAY)) {
        instant = LocalDate.from(t).atStartOfDay().toInstant(ZoneOffset.UTC);
      } else if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
        instant = OffsetDateTime.from(t).toInstant();
      } else {
        instant = LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
      }
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }
}
