package io.tributary.deploy.settings;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the engine's configuration writes them: a whole number and a unit ({@code 90s}, {@code 5m}, {@code 1h}). */
public final class DurationText {

  private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private DurationText() {}

  /**
   * Reads {@code text}.
   *
   * @throws IllegalArgumentException naming {@code key} and what is allowed
   */
  public static Duration parse(String text, String key) {
    Matcher m = TEXT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(key + ": '" + text + "' is not a duration (a whole number and one of ms, s,"
          + " m, h, d, e.g. 15m)");
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

  /** The shortest exact text of {@code d} in the largest whole unit ({@code 3600s} is {@code 1h}). */
  public static String text(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    }
    if (ms % 1_000L == 0) {
      return ms / 1_000L + "s";
    }
    return ms + "ms";
  }
}
