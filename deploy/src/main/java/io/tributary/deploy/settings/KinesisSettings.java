package io.tributary.deploy.settings;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Kinesis Data Streams of this account and region as the source, read with KCL 3.
 *
 * @param streams the stream names (the engine's {@code kinesis.streams})
 * @param applicationName the KCL application name (the engine's {@code kinesis.application-name}): the name of
 *     KCL's lease table, which the stack creates (default: the deployment name)
 * @param shards the open shards of all the streams together: the most tasks that can each hold a lease
 */
public record KinesisSettings(List<String> streams, String applicationName, Integer shards) {

  private static final Pattern STREAM = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  /** A DynamoDB table name with room for KCL's longest suffix, {@code -WorkerMetricStats}. */
  private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9_.-]{3,236}");

  public KinesisSettings {
    streams = List.copyOf(Check.required(streams, "source.kinesis.streams"));
    if (streams.isEmpty()) {
      throw new IllegalArgumentException("source.kinesis.streams: give at least one stream");
    }
    for (String stream : streams) {
      Check.matches(stream, "source.kinesis.streams", STREAM, "a Kinesis stream name");
    }
    if (applicationName != null) {
      Check.matches(applicationName, "source.kinesis.application-name", APPLICATION,
          "3 to 236 of letters, digits, . _ - (a DynamoDB table name)");
    }
    Check.between(Check.required(shards, "source.kinesis.shards"), "source.kinesis.shards", 1, 100_000);
  }

  /**
   * The names KCL 3.5 asks DynamoDB about for {@code application}: its lease table first, then the coordinator
   * state and worker metrics tables of KCL 3.0–3.4, which it only looks for (a new application keeps all in the
   * lease table).
   */
  public static List<String> kclTables(String application) {
    return List.of(application, application + "-CoordinatorState", application + "-WorkerMetricStats");
  }
}
