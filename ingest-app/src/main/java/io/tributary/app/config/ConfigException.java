package io.tributary.app.config;

import java.util.List;

/** A configuration the service cannot start with; the message lists every problem, each naming its key. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(problems.size() == 1 ? "Invalid configuration: " + problems.get(0)
        : "Invalid configuration (" + problems.size() + " problems):\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
