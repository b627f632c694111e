package io.tributary.deploy.settings;

import java.util.regex.Pattern;

/** The checks every settings record shares; each failure names the key, the value and what is allowed. */
final class Check {

  private Check() {}

  static <T> T required(T value, String key) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new IllegalArgumentException(key + " is required");
    }
    return value;
  }

  static String matches(String value, String key, Pattern pattern, String allowed) {
    required(value, key);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(key + ": '" + value + "' is not allowed: " + allowed);
    }
    return value;
  }

  static int between(int value, String key, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + ": " + value + " is not allowed: " + min + " to " + max);
    }
    return value;
  }

  static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
