package io.tributary.partition;

import io.tributary.config.DatasetKeys;
import io.tributary.decode.BigNumber;
import io.tributary.schema.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the configured event-time field is read. Every format yields microseconds since the epoch, UTC, within
 * {@link EventTimes the years 1 to 9999}; a value outside that range is unreadable.
 */
public enum EventTimeFormat {
  /**
   * Whatever {@link Timestamps#toMicros(Object)} reads: an ISO-8601 string, or an epoch number whose unit (seconds,
   * millis, micros, nanos) follows from its magnitude. The default.
   */
  AUTO,
  /**
   * Epoch seconds: a JSON number, or a string holding a decimal number (producers often quote epochs); a fraction
   * is kept to the microsecond, rounding down.
   */
  EPOCH_SECONDS,
  /** Epoch milliseconds: a JSON number or a string holding a decimal number, as for {@link #EPOCH_SECONDS}. */
  EPOCH_MILLIS,
  /**
   * An ISO-8601 string, read as {@link Timestamps} does: {@code T} or a space, an optional fraction, an offset or
   * none (then UTC); a bare date is midnight UTC. Numbers are not read.
   */
  ISO_8601;

  /** The format when the configuration names none ({@code event-time-format}'s default). */
  public static final EventTimeFormat DEFAULT = fromConfig(DatasetKeys.EVENT_TIME_FORMAT.byDefault());

  // Plain decimal text only: no exponent, no hex, no "NaN", no surrounding spaces (BigDecimal would take some).
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

  /** The word that names this format in configuration: {@code auto}, {@code epoch_seconds}, ... */
  public String configWord() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format a configuration word names.
   *
   * @throws IllegalArgumentException {@code "Invalid event-time format: '<word>': allowed values are auto,
   *     epoch_seconds, epoch_millis, iso_8601"}
   */
  public static EventTimeFormat fromConfig(String word) {
    for (EventTimeFormat format : values()) {
      if (format.configWord().equals(word)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Invalid event-time format: '" + word + "': allowed values are "
        + Arrays.stream(values()).map(EventTimeFormat::configWord).collect(Collectors.joining(", ")));
  }

  /**
   * Reads a decoded JSON value as a time.
   *
   * @param value a decoder output: String, Long, Double, BigNumber, Boolean, Map, List; never null
   * @return microseconds since the epoch, or null when the value is not a time in this format or lies outside the
   *     years 1 to 9999
   */
  public Long toMicros(Object value) {
    Long micros = switch (this) {
      case AUTO -> Timestamps.toMicros(value);
      case ISO_8601 -> value instanceof String ? Timestamps.toMicros(value) : null;
      case EPOCH_SECONDS -> scaled(decimal(value), 6);
      case EPOCH_MILLIS -> scaled(decimal(value), 3);
    };
    return micros != null && EventTimes.inRange(micros) ? micros : null;
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (value instanceof Double d) {
      // The shortest decimal that reads back as d: what the JSON said, not the binary approximation.
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (value instanceof BigNumber big) {
      return decimalText(big.text());
    }
    if (value instanceof String s) {
      return decimalText(s);
    }
    return null;
  }

  private static BigDecimal decimalText(String text) {
    return DECIMAL.matcher(text).matches() ? new BigDecimal(text) : null;
  }

  private static Long scaled(BigDecimal value, int digitsToMicros) {
    if (value == null) {
      return null;
    }
    BigDecimal micros = value.movePointRight(digitsToMicros).setScale(0, RoundingMode.FLOOR);
    // A bound far outside the years 1 to 9999 but inside a long, so longValueExact cannot throw.
    if (micros.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
      return null;
    }
    return micros.longValueExact();
  }
}
