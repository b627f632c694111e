package io.tributary.app.config;

import io.tributary.config.ConfigKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A loaded, typed configuration: every value parsed and every key known. */
public final class Config {

  private final Map<String, Object> values;
  private final String origin;

  Config(Map<String, Object> values, String origin) {
    this.values = Map.copyOf(values);
    this.origin = origin;
  }

  /** The value of {@code key}, or its default. */
  public <T> Optional<T> find(ConfigKey<T> key) {
    @SuppressWarnings("unchecked")
    T value = (T) values.get(key.name());
    return value != null ? Optional.of(value) : key.defaultValue();
  }

  /** The value of a key with a default (or given). */
  public <T> T get(ConfigKey<T> key) {
    return find(key).orElseThrow(() -> new ConfigException("Missing " + key.name() + " in " + origin + ": "
        + key.doc()));
  }

  /** Whether the file gave {@code key} (not its default). */
  public boolean has(ConfigKey<?> key) {
    return values.containsKey(key.name());
  }

  /** The names standing for {@code *} in the given keys, e.g. the datasets named under {@code datasets.}. */
  public Set<String> names(String prefix) {
    Set<String> names = new TreeSet<>();
    for (String key : values.keySet()) {
      if (key.startsWith(prefix)) {
        names.add(key.substring(prefix.length()).split("\\.")[0]);
      }
    }
    return names;
  }

  /** Where the configuration came from, for messages. */
  public String origin() {
    return origin;
  }
}
