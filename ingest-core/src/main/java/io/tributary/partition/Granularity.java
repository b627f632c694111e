package io.tributary.partition;

import io.tributary.config.DatasetKeys;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How deep the time keys of a partition path go: {@code year=YYYY/month=MM/day=DD/hour=HH}, cut after the chosen
 * unit. Values are zero-padded and in UTC, so paths sort in time order and every instance agrees on them.
 */
public enum Granularity {
  /** {@code year=YYYY}. */
  YEAR,
  /** {@code year=YYYY/month=MM}. */
  MONTH,
  /** {@code year=YYYY/month=MM/day=DD}. */
  DAY,
  /** {@code year=YYYY/month=MM/day=DD/hour=HH}: the default. */
  HOUR;

  /** The granularity when the configuration names none ({@code granularity}'s default). */
  public static final Granularity DEFAULT = fromConfig(DatasetKeys.GRANULARITY.byDefault());

  /** The partition key names of the time keys, outermost first; {@link #keyNames()} is a prefix of this list. */
  public static final List<String> TIME_KEY_NAMES = List.of("year", "month", "day", "hour");

  /** The longest time path any granularity produces, in bytes (all ASCII): {@code year=YYYY/.../hour=HH}. */
  public static final int MAX_TIME_PATH_BYTES = "year=YYYY/month=MM/day=DD/hour=HH".length();

  /** The word that names this granularity in configuration: {@code year}, {@code month}, {@code day}, {@code hour}. */
  public String configWord() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The granularity a configuration word names.
   *
   * @throws IllegalArgumentException {@code "Invalid partition granularity: '<word>': allowed values are year,
   *     month, day, hour"}
   */
  public static Granularity fromConfig(String word) {
    for (Granularity granularity : values()) {
      if (granularity.configWord().equals(word)) {
        return granularity;
      }
    }
    throw new IllegalArgumentException("Invalid partition granularity: '" + word + "': allowed values are "
        + Arrays.stream(values()).map(Granularity::configWord).collect(Collectors.joining(", ")));
  }

  /**
   * The length in microseconds of every time bucket of this granularity when they all have one length in UTC (day,
   * hour), else 0 (month, year). Buckets start at multiples of it since the epoch.
   */
  long bucketMicros() {
    return switch (this) {
      case HOUR -> 3_600_000_000L;
      case DAY -> 86_400_000_000L;
      default -> 0L;
    };
  }

  /** The names of the time keys this granularity writes, outermost first. */
  public List<String> keyNames() {
    return TIME_KEY_NAMES.subList(0, ordinal() + 1);
  }

  /**
   * The time keys for an instant, e.g. {@code year=2026/month=03/day=07/hour=06} for {@link #HOUR}.
   *
   * @param epochMicros microseconds since the epoch; must lie in the years 1 to 9999 (UTC), the range every reader
   *     we promise can hold and that four digits can spell
   * @throws IllegalArgumentException when the instant lies outside that range
   */
  public String timePath(long epochMicros) {
    if (!EventTimes.inRange(epochMicros)) {
      throw new IllegalArgumentException("Invalid event time: " + epochMicros
          + " microseconds since the epoch: must lie in the years 1 to 9999 (UTC)");
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond(
        Math.floorDiv(epochMicros, 1_000_000L), 0, ZoneOffset.UTC);
    StringBuilder path = new StringBuilder(MAX_TIME_PATH_BYTES);
    path.append("year=");
    pad(path, time.getYear(), 4);
    if (this.compareTo(MONTH) >= 0) {
      pad(path.append("/month="), time.getMonthValue(), 2);
    }
    if (this.compareTo(DAY) >= 0) {
      pad(path.append("/day="), time.getDayOfMonth(), 2);
    }
    if (this == HOUR) {
      pad(path.append("/hour="), time.getHour(), 2);
    }
    return path.toString();
  }

  private static void pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
