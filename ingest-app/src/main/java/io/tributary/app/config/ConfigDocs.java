package io.tributary.app.config;

import io.tributary.config.ConfigKey;
import java.util.List;
import java.util.Map;

/** Renders docs/configuration.md from {@link ConfigKeys#all()}: the only place keys are described. */
public final class ConfigDocs {

  private ConfigDocs() {}

  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Configuration\n\n");
    out.append("<!-- Generated from the key declarations (ingest-core's CoreKeys and DatasetKeys, the adapters' "
        + "KafkaKeys and KinesisKeys, ingest-app's ConfigKeys and MetricsKeys) by "
        + "`./tributary config-docs > docs/configuration.md`; ConfigDocsTest fails when this file is stale. "
        + "Do not edit by hand. -->\n\n");
    out.append("One YAML file, given to `tributary run --config FILE`. Nested keys are written as YAML mappings "
        + "(`kafka:` then `  topics: [...]`); this page names them dotted. Any value may use the environment: "
        + "`${NAME}` (the variable must be set) or `${NAME:-default}`. An unknown key or a bad value stops the "
        + "start with a message naming the key and what is allowed. Examples: [examples/](../examples/).\n\n");
    out.append("Per-dataset keys are given once under `dataset-defaults.` and may be overridden for one dataset under "
        + "`datasets.<dataset>.` (the dataset's name as it lands, e.g. `datasets.orders.rolling.max-age: 1h`).\n");
    String section = null;
    for (ConfigKey<?> key : ConfigKeys.all()) {
      String top = key.name().startsWith("datasets.*.") ? "datasets.<dataset>" : key.name().split("\\.")[0];
      if (!top.equals(section)) {
        section = top;
        out.append("\n## `").append(section).append("`\n\n");
        out.append("| key | type | default | what it does |\n|---|---|---|---|\n");
      }
      out.append("| `").append(key.name().replace("*", "<dataset>")).append("` | ").append(key.type().describe())
          .append(" | ").append(defaultText(key)).append(" | ").append(key.doc().replace("|", "\\|")).append(" |\n");
    }
    return out.toString();
  }

  private static <T> String defaultText(ConfigKey<T> key) {
    if (key.required()) {
      return "required";
    }
    return key.defaultValue().map(value -> "`" + text(key.write(value)) + "`").orElse("—");
  }

  private static String text(Object written) {
    if (written instanceof List<?> list) {
      return "[" + String.join(", ", list.stream().map(String::valueOf).toList()) + "]";
    }
    if (written instanceof Map<?, ?> map) {
      return map.isEmpty() ? "{}" : map.toString();
    }
    if (written instanceof String s && s.isEmpty()) {
      return "\"\"";
    }
    return String.valueOf(written);
  }
}
