package io.tributary.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A failure and its causes in one line, for a person: every distinct message, a class name where there is none. */
final class Causes {

  /** DuckDB's JDBC driver puts this before the real error (on the line after it). */
  private static final String DUCKDB_WRAPPER = "Attempting to execute an unsuccessful or closed pending query result";

  private Causes() {}

  static String describe(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = failure; t != null && parts.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null || t.getMessage().isBlank() ? words(t) : oneLine(t.getMessage());
      if (parts.stream().noneMatch(p -> p.contains(message))) {
        parts.add(message);
      }
    }
    return String.join(": ", parts);
  }

  private static String oneLine(String message) {
    List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty())
        .filter(l -> !l.contains(DUCKDB_WRAPPER)).map(l -> l.startsWith("Error: ") ? l.substring(7) : l).toList();
    return lines.isEmpty() ? message.strip() : String.join(" ", lines);
  }

  /** {@code ConnectException} as {@code connect exception}: a message-less failure still says what happened. */
  private static String words(Throwable t) {
    return t.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }
}
