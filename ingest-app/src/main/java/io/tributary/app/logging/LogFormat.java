package io.tributary.app.logging;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@code tributary run} logs: {@code json} (one object per line, for CloudWatch Logs; the default) or
 * {@code plain} (one readable line per event, for a terminal). Chosen by {@code --log-format} or, when that is
 * absent, the environment variable {@code TRIBUTARY_LOG_FORMAT}; it picks the logback file before logging starts.
 */
public enum LogFormat {
  JSON("logback-run.xml"),
  PLAIN("logback-run-plain.xml");

  /** The environment variable read when {@code --log-format} is not given. */
  public static final String ENV = "TRIBUTARY_LOG_FORMAT";

  private final String logbackFile;

  LogFormat(String logbackFile) {
    this.logbackFile = logbackFile;
  }

  /** The logback configuration on the class path. */
  public String logbackFile() {
    return logbackFile;
  }

  /** {@code json} or {@code plain} (any case); a one-line error naming the allowed values otherwise. */
  public static LogFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid log format '" + text + "': allowed json, plain");
    }
  }

  /** The format {@code run}'s arguments ask for, else the environment's, else JSON; empty when a value is bad. */
  public static Optional<LogFormat> of(List<String> args, String env) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--log-format") && i + 1 < args.size()) {
        return tryParse(args.get(i + 1));
      }
      if (arg.startsWith("--log-format=")) {
        return tryParse(arg.substring("--log-format=".length()));
      }
    }
    return env == null || env.isBlank() ? Optional.of(JSON) : tryParse(env);
  }

  private static Optional<LogFormat> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
