package io.tributary.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.tributary.config.ConfigKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a configuration file through the key declarations, for tools that make one (the deploy module's CDK app):
 * only keys {@link ConfigLoader} knows, each value written as its type writes it ({@code 5m}, {@code 128MiB}) and
 * checked by the same type, so a file written here is one the service reads. A bad value fails here, naming the key.
 */
public final class ConfigWriter {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private final List<ConfigKey<?>> known;
  private final Map<String, Object> root = new LinkedHashMap<>();

  /** A writer of the service's keys ({@link ConfigKeys#all()}). */
  public ConfigWriter() {
    this(ConfigKeys.all());
  }

  public ConfigWriter(List<ConfigKey<?>> known) {
    this.known = List.copyOf(known);
  }

  /**
   * Sets {@code key} (a per-dataset key with its dataset filled in) to {@code value}; a text value may be a
   * {@code ${VAR}} reference the service fills from its environment.
   *
   * @throws IllegalArgumentException for a key the service does not know, or a value its type refuses
   */
  public <T> ConfigWriter set(ConfigKey<T> key, T value) {
    String name = key.name();
    if (name.contains("*") || known.stream().noneMatch(k -> k.matches(name))) {
      throw new IllegalArgumentException("unknown key '" + name + "'");
    }
    Object written = key.write(value);
    try {
      key.type().parse(written);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage() + " (allowed: " + key.type().describe() + ")",
          e);
    }
    String[] path = name.split("\\.");
    Map<String, Object> node = root;
    for (int i = 0; i < path.length - 1; i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<>());
      node = child;
    }
    node.put(path[path.length - 1], written);
    return this;
  }

  /** The file's text: {@code header} as a comment, then the keys as nested YAML mappings in the order set. */
  public String yaml(String header) {
    try {
      return "# " + header + "\n" + YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a configuration", e);
    }
  }
}
