package io.tributary.app.config;

import static io.tributary.config.ValueType.BOOLEAN;
import static io.tributary.config.ValueType.STRING;
import static io.tributary.config.ValueType.STRING_LIST;
import static io.tributary.config.ValueType.duration;
import static io.tributary.config.ValueType.integer;
import static io.tributary.config.ValueType.oneOf;

import io.tributary.config.ConfigKey;
import io.tributary.config.CoreKeys;
import io.tributary.config.DatasetKeys;
import io.tributary.kafka.KafkaKeys;
import io.tributary.kinesis.KinesisKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's configuration: its own keys (the instance, the source type, metrics, HTTP, shutdown) and, composed,
 * those each module declares with its defaults: ingest-core's {@link CoreKeys} and per-dataset {@link DatasetKeys},
 * the adapters' {@link KafkaKeys} and {@link KinesisKeys}. docs/configuration.md is generated from {@link #all()}
 * ({@code ./tributary config-docs}); a test fails when the file is stale.
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

  // --- metrics, health, shutdown

  public static final ConfigKey<Boolean> CLOUDWATCH_ENABLED = ConfigKey.of("metrics.cloudwatch.enabled", BOOLEAN,
      false, "Publish metrics to CloudWatch.");
  public static final ConfigKey<String> CLOUDWATCH_NAMESPACE = ConfigKey.of("metrics.cloudwatch.namespace", STRING,
      "Tributary", "The CloudWatch namespace.");
  public static final ConfigKey<Duration> CLOUDWATCH_STEP = ConfigKey.of("metrics.cloudwatch.step",
      duration(Duration.ofSeconds(1)), Duration.ofMinutes(1), "How often metrics are published.");
  public static final ConfigKey<String> CLOUDWATCH_REGION = ConfigKey.optional("metrics.cloudwatch.region", STRING,
      "CloudWatch's region. Default: from the environment.");
  public static final ConfigKey<String> CLOUDWATCH_ENDPOINT = ConfigKey.optional("metrics.cloudwatch.endpoint",
      STRING, "An endpoint override for CloudWatch (a VPC endpoint); absent for AWS.");
  public static final ConfigKey<List<String>> CLOUDWATCH_DIMENSIONS = ConfigKey.of("metrics.cloudwatch.dimensions",
      STRING_LIST, List.of("outcome", "kind", "error_type"),
      "The tags sent to CloudWatch as dimensions; the others are dropped and the metrics they told apart summed "
          + "(each metric and dimension combination is billed). Add `dataset` for per-dataset metrics.");
  public static final ConfigKey<Boolean> PROMETHEUS_ENABLED = ConfigKey.of("metrics.prometheus.enabled", BOOLEAN,
      true, "Serve Prometheus text at `/metrics`.");
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
    for (ConfigKey<?> key : DatasetKeys.all()) {
      all.add(DatasetKeys.defaults(key));
    }
    for (ConfigKey<?> key : DatasetKeys.all()) {
      all.add(DatasetKeys.of("*", key));
    }
    all.addAll(List.of(CLOUDWATCH_ENABLED, CLOUDWATCH_NAMESPACE, CLOUDWATCH_STEP, CLOUDWATCH_REGION,
        CLOUDWATCH_ENDPOINT, CLOUDWATCH_DIMENSIONS, PROMETHEUS_ENABLED, HTTP_PORT, SHUTDOWN_DEADLINE));
    return List.copyOf(all);
  }
}
