package io.tributary.routing;

import java.util.Locale;
import java.util.Objects;

/**
 * Turns raw text (a stream name, a field value, a rendered template) into a dataset name that is safe as an object
 * store prefix, a Hive directory and a Glue or Athena table name.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>lowercase with {@link Locale#ROOT};</li>
 *   <li>every code point outside {@code [a-z0-9_]} becomes {@code _} ({@code orders-v2 -> orders_v2},
 *       {@code Orders.Created -> orders_created});</li>
 *   <li>leading {@code _} characters are dropped: Hive-style readers skip directories that start with {@code _},
 *       and Tributary keeps its internal state (schemas, the unrouted error prefix) under such names;</li>
 *   <li>if nothing is left, there is no dataset name;</li>
 *   <li>a leading digit gets the prefix {@code t_} ({@code 2024 -> t_2024}), since table names may not start with
 *       one;</li>
 *   <li>the result is cut to {@value #MAX_LENGTH} characters.</li>
 * </ol>
 * Distinct raw texts can meet on one dataset ({@code a-b} and {@code a.b}); that is by design, as for column names.
 */
public final class DatasetNames {
  /** The longest dataset name, in characters (all ASCII, so also in bytes). */
  public static final int MAX_LENGTH = 128;

  /** What a configured name lacks when it has no usable characters, for error messages. */
  static final String USABLE_CHARACTERS_HINT =
      "a dataset name needs an ASCII letter or digit; other characters become '_' and leading '_' are dropped";

  // Raw text can be a whole field value; error messages show only its start.
  private static final int MAX_QUOTED = 100;

  private DatasetNames() {}

  /**
   * The dataset name for raw text, for names known when the pipeline starts (a fallback dataset, a configured
   * name): a name without usable characters is a configuration error.
   *
   * @param raw the raw text; may not be null
   * @return a name for which {@link #isValid(String)} holds
   * @throws IllegalArgumentException if no usable character remains
   */
  public static String sanitize(String raw) {
    Objects.requireNonNull(raw, "raw may not be null");
    String name = sanitizeOrNull(raw);
    if (name == null) {
      throw new IllegalArgumentException("Invalid dataset name: " + quote(raw)
          + ": has no usable characters: " + USABLE_CHARACTERS_HINT);
    }
    return name;
  }

  /**
   * The dataset for raw text met while routing: {@link RouteResult.Routed} with the sanitized name, or
   * {@link RouteResult.Unroutable} ("dataset name from '...' has no usable characters") if none remains.
   *
   * @param raw the raw text; may not be null
   */
  public static RouteResult resolve(String raw) {
    Objects.requireNonNull(raw, "raw may not be null");
    String name = sanitizeOrNull(raw);
    return name == null
        ? new RouteResult.Unroutable("dataset name from " + quote(raw) + " has no usable characters")
        : new RouteResult.Routed(name);
  }

  /**
   * Whether a name is a dataset name as {@link #sanitize(String)} produces them: it matches {@code [a-z][a-z0-9_]*}
   * and has at most {@value #MAX_LENGTH} characters.
   *
   * @param name the name to check; null is not valid
   */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
      return false;
    }
    if (!isLowerAsciiLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!isKept(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String sanitizeOrNull(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    StringBuilder name = new StringBuilder(Math.min(lower.length(), MAX_LENGTH) + 2);
    lower.codePoints()
        .map(cp -> cp < 0x80 && isKept((char) cp) ? cp : '_')
        .dropWhile(cp -> cp == '_')
        // Nothing past the limit survives the cut, so the rest of a huge field value is never mapped.
        .limit(MAX_LENGTH)
        .forEach(name::appendCodePoint);
    if (name.length() == 0) {
      return null;
    }
    if (isDigit(name.charAt(0))) {
      name.insert(0, "t_");
    }
    if (name.length() > MAX_LENGTH) {
      name.setLength(MAX_LENGTH);
    }
    return name.toString();
  }

  /** The raw text in quotes for a message, cut short if long. */
  static String quote(String raw) {
    if (raw.length() <= MAX_QUOTED) {
      return "'" + raw + "'";
    }
    int end = Character.isHighSurrogate(raw.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
    return "'" + raw.substring(0, end) + "...' (" + raw.length() + " characters)";
  }

  private static boolean isKept(char c) {
    return isLowerAsciiLetter(c) || isDigit(c) || c == '_';
  }

  private static boolean isLowerAsciiLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
