package io.tributary.app.config;

import static io.tributary.app.config.ConfigKeys.SOURCE_TYPE;
import static io.tributary.app.config.ConfigValues.missing;
import static io.tributary.app.config.ConfigValues.named;
import static io.tributary.app.config.ConfigValues.region;
import static io.tributary.app.config.ConfigValues.uri;

import io.tributary.kinesis.KinesisKeys;
import io.tributary.kinesis.KinesisSourceSettings;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The Kinesis source's settings from the {@code kinesis.} keys: streams, region, start position, KCL timings. */
final class KinesisConfig {

  private KinesisConfig() {}

  static KinesisSourceSettings settings(Config config) {
    List<String> streams = config.find(KinesisKeys.STREAMS).filter(s -> !s.isEmpty()).orElseThrow(() ->
        missing(KinesisKeys.STREAMS, "`" + SOURCE_TYPE.name() + ": kinesis` needs at least one stream name"));
    String region = region(config, KinesisKeys.REGION).orElseThrow(() -> missing(KinesisKeys.REGION,
        "give it, or set AWS_REGION"));
    String application = config.get(KinesisKeys.APPLICATION);
    KinesisSourceSettings.InitialPosition position = KinesisSourceSettings.word(
        KinesisSourceSettings.InitialPosition.class, config.get(KinesisKeys.INITIAL_POSITION));
    Optional<Instant> timestamp = config.find(KinesisKeys.INITIAL_TIMESTAMP).map(text -> {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new ConfigException(KinesisKeys.INITIAL_TIMESTAMP.name() + ": '" + text + "' is not an ISO-8601 "
            + "instant such as 2025-11-21T06:00:00Z");
      }
    });
    KinesisSourceSettings.Timings timings = named(KinesisKeys.TICK, () -> new KinesisSourceSettings.Timings(
        config.get(KinesisKeys.SHARD_SYNC), config.get(KinesisKeys.FAILOVER),
        config.find(KinesisKeys.LEASE_ASSIGNMENT_INTERVAL), config.get(KinesisKeys.LEADER_LEASE),
        config.get(KinesisKeys.IDLE_BETWEEN_READS), config.get(KinesisKeys.PARENT_POLL),
        config.get(KinesisKeys.WORKER_REPORT), config.get(KinesisKeys.TICK)));
    return named(KinesisKeys.STREAMS, () -> new KinesisSourceSettings(streams, region,
        uri(config, KinesisKeys.ENDPOINT), uri(config, KinesisKeys.DYNAMODB_ENDPOINT),
        uri(config, KinesisKeys.CLOUDWATCH_ENDPOINT), application,
        config.find(KinesisKeys.LEASE_TABLE).orElse(application), position, timestamp,
        KinesisSourceSettings.word(KinesisSourceSettings.Consumer.class, config.get(KinesisKeys.CONSUMER)),
        KinesisSourceSettings.word(KinesisSourceSettings.LeaseAssignment.class,
            config.get(KinesisKeys.LEASE_ASSIGNMENT)),
        KinesisSourceSettings.word(KinesisSourceSettings.KclMetrics.class, config.get(KinesisKeys.KCL_METRICS)),
        config.get(KinesisKeys.MAX_RECORDS), timings));
  }
}
