package io.tributary.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tributary.config.ConfigKey;
import io.tributary.config.DidYouMean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one YAML file into a {@link Config}: {@code ${NAME}} and {@code ${NAME:-default}} replaced from the
 * environment, every key checked against {@link ConfigKeys} (an unknown key is an error, with the closest known
 * one suggested), every value parsed by its type. All problems are reported at once.
 */
public final class ConfigLoader {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<ConfigKey<?>> keys;
  private final Map<String, String> env;

  public ConfigLoader(List<ConfigKey<?>> keys, Map<String, String> env) {
    this.keys = List.copyOf(keys);
    this.env = Map.copyOf(env);
  }

  /** The service's keys and this process's environment. */
  public static ConfigLoader standard() {
    return new ConfigLoader(ConfigKeys.all(), System.getenv());
  }

  public Config load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("No configuration file at " + file.toAbsolutePath());
    } catch (IOException e) {
      throw new ConfigException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  public Config parse(String yaml, String origin) {
    Object root;
    try {
      root = yaml.isBlank() ? Map.of() : YAML.readValue(yaml, Object.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException(origin + " is not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null) {
      root = Map.of();
    }
    if (!(root instanceof Map)) {
      throw new ConfigException(origin + " must be a YAML mapping of keys to values");
    }
    Map<String, Object> leaves = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    flatten("", root, leaves);
    Map<String, Object> values = new LinkedHashMap<>();
    leaves.forEach((name, raw) -> {
      Optional<ConfigKey<?>> key = keyFor(name);
      if (key.isEmpty()) {
        problems.add("unknown key '" + name + "'" + DidYouMean.suggest(name, knownNames(name))
            .map(s -> " (did you mean '" + s + "'?)").orElse("") + "; every key is listed in docs/configuration.md");
        return;
      }
      if (raw == null) {
        return;
      }
      try {
        values.put(name, key.get().type().parse(substitute(raw)));
      } catch (IllegalArgumentException e) {
        problems.add(name + ": " + e.getMessage() + " (allowed: " + key.get().type().describe() + ")");
      }
    });
    for (ConfigKey<?> key : keys) {
      if (key.required() && !key.name().contains("*") && !values.containsKey(key.name())) {
        problems.add("missing " + key.name() + ": " + key.doc());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.stream().map(p -> origin + ": " + p).toList());
    }
    return new Config(values, origin);
  }

  private void flatten(String prefix, Object node, Map<String, Object> leaves) {
    if (node instanceof Map<?, ?> map && !(prefix.length() > 0 && takesSubtree(prefix))) {
      if (map.isEmpty() && !prefix.isEmpty()) {
        leaves.put(prefix, null);
      }
      map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, leaves));
    } else {
      leaves.put(prefix, node);
    }
  }

  private boolean takesSubtree(String name) {
    return keyFor(name).map(k -> k.type().takesSubtree()).orElse(false);
  }

  private Optional<ConfigKey<?>> keyFor(String name) {
    return keys.stream().filter(k -> k.matches(name)).findFirst();
  }

  /** Known names to suggest for {@code typed}: wildcard keys take the typed name's segment. */
  private List<String> knownNames(String typed) {
    String[] segments = typed.split("\\.");
    List<String> names = new ArrayList<>();
    for (ConfigKey<?> key : keys) {
      String[] want = key.name().split("\\.");
      StringBuilder name = new StringBuilder();
      for (int i = 0; i < want.length; i++) {
        if (i > 0) {
          name.append('.');
        }
        name.append(want[i].equals("*") && i < segments.length ? segments[i] : want[i]);
      }
      names.add(name.toString());
    }
    return names;
  }

  private Object substitute(Object raw) {
    if (raw instanceof String text) {
      Matcher m = VARIABLE.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = env.get(m.group(1));
        if (value == null) {
          if (m.group(2) == null) {
            throw new IllegalArgumentException("the environment variable " + m.group(1) + " is not set (write ${"
                + m.group(1) + ":-default} to give a default)");
          }
          value = m.group(2);
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return out.toString();
    }
    if (raw instanceof List<?> list) {
      return list.stream().map(this::substitute).toList();
    }
    if (raw instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, v == null ? null : substitute(v)));
      return out;
    }
    return raw;
  }
}
