package io.tributary.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as every Tributary configuration writes them: a whole number and one unit, {@code ms}, {@code s},
 * {@code m}, {@code h} or {@code d} ({@code 500ms}, {@code 30s}, {@code 5m}). The one codec of the engine's YAML
 * and the deploy settings: {@link #text(Duration)} of a parsed value gives it back in its largest whole unit, and
 * {@link #parse(String)} of a text gives the duration back.
 */
public final class Durations {

  private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final long SECOND = 1_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private Durations() {}

  /**
   * Reads a duration such as {@code 15m}.
   *
   * @throws IllegalArgumentException saying what is allowed; the caller adds the key
   */
  public static Duration parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: a whole number with ms, s, m, h or d"
          + " (e.g. 30s, 5m)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /**
   * The exact text of {@code d} in its largest whole unit ({@code 3600s} is {@code 1h}); zero is {@code 0s}.
   *
   * @throws IllegalArgumentException for a negative duration or one with a part below a millisecond, which no
   *     text names
   */
  public static String text(Duration d) {
    if (d.isNegative() || d.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException(d + " has no text: whole milliseconds, not negative");
    }
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    for (long unit : new long[] {DAY, HOUR, MINUTE, SECOND}) {
      if (ms % unit == 0) {
        return ms / unit + suffix(unit);
      }
    }
    return ms + "ms";
  }

  private static String suffix(long unit) {
    return unit == DAY ? "d" : unit == HOUR ? "h" : unit == MINUTE ? "m" : "s";
  }
}
