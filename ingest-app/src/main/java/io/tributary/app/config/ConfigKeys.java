package io.tributary.app.config;

import static io.tributary.config.ValueType.BOOLEAN;
import static io.tributary.config.ValueType.STRING;
import static io.tributary.config.ValueType.duration;
import static io.tributary.config.ValueType.integer;
import static io.tributary.config.ValueType.oneOf;

import io.tributary.app.metrics.MetricsKeys;
import io.tributary.catalog.CatalogKeys;
import io.tributary.config.ConfigKey;
import io.tributary.config.CoreKeys;
import io.tributary.config.DatasetKeys;
import io.tributary.iceberg.IcebergKeys;
import io.tributary.iceberg.maintain.MaintenanceKeys;
import io.tributary.firehose.FirehoseKeys;
import io.tributary.kafka.KafkaKeys;
import io.tributary.kinesis.KinesisKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's configuration: its own keys (the instance, the source type, metrics, HTTP, shutdown) and, composed,
 * those each module declares with its defaults: ingest-core's {@link CoreKeys} and per-dataset {@link DatasetKeys},
 * the catalogs' {@link CatalogKeys} and {@link IcebergKeys}, the adapters' {@link KafkaKeys} and {@link KinesisKeys},
 * firehose-sink's {@link FirehoseKeys}, the service's {@link MetricsKeys}, table maintenance's {@link MaintenanceKeys}
 * (top level and per dataset). docs/configuration.md
 * is generated from {@link #all()} ({@code ./tributary config-docs}); a test fails when the file is stale.
 */
public final class ConfigKeys {

  private ConfigKeys() {}

  // --- the instance

  public static final ConfigKey<String> INSTANCE_ID = ConfigKey.optional("instance-id", STRING,
      "This instance's name in commit records, schema versions and Kafka client ids. Default: the host name "
          + "(the ECS task's).");

  // --- source

  public static final ConfigKey<String> SOURCE_TYPE = ConfigKey.of("source.type", oneOf("kafka", "kinesis"), "kafka",
      "Where records come from. `kafka`: any Kafka or Amazon MSK through Kafka Streams; `kinesis`: Amazon Kinesis "
          + "Data Streams through KCL 3.");

  // --- health, shutdown (the metrics keys are MetricsKeys)

  public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.of("http.port", integer(0, 65_535), 8080,
      "Port of `/healthz`, `/readyz` and `/metrics` on all interfaces; 0 turns the server off.");
  public static final ConfigKey<Duration> SHUTDOWN_DEADLINE = ConfigKey.of("shutdown.deadline",
      duration(Duration.ofSeconds(1)), Duration.ofSeconds(25),
      "How long a SIGTERM drain may take before the process exits anyway; keep it below ECS's stop timeout.");

  /** Every key, with the per-dataset keys under both of their prefixes. */
  public static List<ConfigKey<?>> all() {
    List<ConfigKey<?>> all = new ArrayList<>(List.of(INSTANCE_ID, SOURCE_TYPE));
    all.addAll(KafkaKeys.all());
    all.addAll(KinesisKeys.all());
    all.addAll(CoreKeys.all());
    all.addAll(CatalogKeys.all());
    all.addAll(FirehoseKeys.all());
    all.addAll(IcebergKeys.all());
    List<ConfigKey<?>> perDataset = new ArrayList<>(DatasetKeys.all());
    perDataset.addAll(MaintenanceKeys.perDataset());
    for (ConfigKey<?> key : perDataset) {
      all.add(DatasetKeys.defaults(key));
    }
    for (ConfigKey<?> key : perDataset) {
      all.add(DatasetKeys.of("*", key));
    }
    all.addAll(MaintenanceKeys.all());
    all.addAll(MetricsKeys.all());
    all.addAll(List.of(HTTP_PORT, SHUTDOWN_DEADLINE));
    return List.copyOf(all);
  }
}
