package io.tributary.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key, declared once by the module that uses it: its dotted name (a {@code *} segment stands for
 * any name, as in {@code datasets.*.policy}), its type, its default (none for a required or optional key), and its
 * documentation. A module's settings take their defaults from its keys, so a default is written in one place.
 */
public record ConfigKey<T>(String name, ValueType<T> type, Optional<T> defaultValue, boolean required, String doc) {

  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(doc, "doc");
  }

  /** A key with a default. */
  public static <T> ConfigKey<T> of(String name, ValueType<T> type, T defaultValue, String doc) {
    return new ConfigKey<>(name, type, Optional.of(defaultValue), false, doc);
  }

  /** A key that may be absent (what it means then is in its doc). */
  public static <T> ConfigKey<T> optional(String name, ValueType<T> type, String doc) {
    return new ConfigKey<>(name, type, Optional.empty(), false, doc);
  }

  /** A key that must be given. */
  public static <T> ConfigKey<T> required(String name, ValueType<T> type, String doc) {
    return new ConfigKey<>(name, type, Optional.empty(), true, doc);
  }

  /**
   * The default, for settings that take it from here.
   *
   * @throws IllegalStateException when the key has none
   */
  public T byDefault() {
    return defaultValue.orElseThrow(() -> new IllegalStateException(name + " has no default"));
  }

  /** Whether {@code dotted} (a key of a file) is this key, {@code *} segments matching any one segment. */
  public boolean matches(String dotted) {
    String[] want = name.split("\\.");
    String[] have = dotted.split("\\.");
    if (want.length != have.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (!want[i].equals("*") && !want[i].equals(have[i])) {
        return false;
      }
    }
    return true;
  }

  /** This (relative) key under {@code prefix}, e.g. a per-dataset key under {@code datasets.orders.}. */
  public ConfigKey<T> under(String prefix) {
    return new ConfigKey<>(prefix + name, type, defaultValue, required, doc);
  }

  /** How {@code value} is written in a configuration file (see {@link ValueType#write(Object)}). */
  public Object write(T value) {
    return type.write(value);
  }
}
