package io.tributary.deploy.service;

import static io.tributary.app.config.ConfigKeys.SHUTDOWN_DEADLINE;
import static io.tributary.app.config.ConfigKeys.SOURCE_TYPE;
import static io.tributary.app.metrics.MetricsKeys.CLOUDWATCH_DIMENSIONS;
import static io.tributary.app.metrics.MetricsKeys.CLOUDWATCH_ENABLED;
import static io.tributary.app.metrics.MetricsKeys.CLOUDWATCH_NAMESPACE;
import static io.tributary.app.metrics.MetricsKeys.CLOUDWATCH_REGION;
import static io.tributary.app.metrics.MetricsKeys.CLOUDWATCH_STEP;
import static io.tributary.app.metrics.MetricsKeys.PROMETHEUS_ENABLED;

import io.tributary.app.config.ConfigKeys;
import io.tributary.app.config.ConfigWriter;
import io.tributary.config.CoreKeys;
import io.tributary.config.DatasetKeys;
import io.tributary.deploy.monitoring.EngineMetrics;
import io.tributary.deploy.settings.DatasetConfig;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.deploy.settings.FirehoseSettings;
import io.tributary.firehose.DeliveryStreams;
import io.tributary.firehose.FirehoseKeys;
import io.tributary.kafka.KafkaKeys;
import io.tributary.kinesis.KinesisKeys;

/**
 * The engine's YAML configuration for a deployment (docs/configuration.md), kept in SSM and handed to the container,
 * written through the engine's key declarations ({@link ConfigWriter}): a key the engine does not know or a value it
 * would refuse fails the synthesis. What differs per environment or is only known at deploy time comes from the
 * container's environment through {@code ${VAR}}: the bucket ({@value #BUCKET_VARIABLE}), the region
 * ({@code AWS_REGION}), with Kafka the brokers ({@value #BOOTSTRAP_VARIABLE}), with S3 Tables the table bucket
 * ({@value #TABLE_BUCKET_VARIABLE}).
 */
public final class EngineConfig {

  /** The environment variable holding the lake bucket's name. */
  public static final String BUCKET_VARIABLE = "LAKE_BUCKET";
  /** The environment variable holding the MSK bootstrap brokers. */
  public static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
  /** The environment variable holding the S3 Tables table bucket's ARN (with {@code iceberg.catalog: s3-tables}). */
  public static final String TABLE_BUCKET_VARIABLE = "TABLE_BUCKET_ARN";
  /** The engine's {@code http.port}: health endpoints and metrics. */
  public static final int HTTP_PORT = 8080;

  static final String REGION = "${AWS_REGION}";

  private EngineConfig() {}

  /** The configuration file's text. */
  public static String yaml(DeploySettings settings) {
    ConfigWriter config = new ConfigWriter();
    config.set(SOURCE_TYPE, settings.source().type());
    if (settings.source().isKafka()) {
      config.set(KafkaKeys.BOOTSTRAP, "${" + BOOTSTRAP_VARIABLE + "}")
          .set(KafkaKeys.APPLICATION_ID, settings.consumerName())
          .set(KafkaKeys.TOPICS, settings.source().kafka().exactTopics())
          .set(KafkaKeys.STREAM_THREADS, settings.source().kafka().streamThreads())
          .set(KafkaKeys.SECURITY_MODE, "msk-iam");
    } else {
      config.set(KinesisKeys.STREAMS, settings.source().kinesis().streams())
          .set(KinesisKeys.APPLICATION, settings.consumerName())
          .set(KinesisKeys.REGION, REGION);
    }
    config.set(CoreKeys.STORE_TYPE, "s3")
        .set(CoreKeys.S3_BUCKET, "${" + BUCKET_VARIABLE + "}")
        .set(CoreKeys.S3_REGION, REGION)
        .set(CoreKeys.LAKE_PREFIX, settings.lake().prefix())
        .set(CoreKeys.LAKE_ERROR_PREFIX, settings.lake().errorPrefix());
    IcebergEngineConfig.catalog(config, settings);
    for (DatasetConfig dataset : settings.datasets()) {
      dataset(config, dataset);
    }
    IcebergEngineConfig.tables(config, settings);
    if (settings.firehose() != null) {
      // Each Firehose dataset's stream is <deployment>-<dataset>, as FirehoseStreams creates them.
      config.set(FirehoseKeys.DELIVERY_STREAM, FirehoseSettings.streamName(settings.name(), DeliveryStreams.DATASET))
          .set(FirehoseKeys.REGION, REGION);
      for (String dataset : settings.firehose().datasets()) {
        config.set(DatasetKeys.of(dataset, DatasetKeys.SINK), "firehose");
      }
    }
    config.set(CLOUDWATCH_ENABLED, true)
        .set(CLOUDWATCH_NAMESPACE, settings.namespace())
        .set(CLOUDWATCH_REGION, REGION)
        .set(CLOUDWATCH_STEP, CLOUDWATCH_STEP.byDefault())
        .set(CLOUDWATCH_DIMENSIONS, EngineMetrics.DIMENSIONS)
        .set(PROMETHEUS_ENABLED, true)
        .set(ConfigKeys.HTTP_PORT, HTTP_PORT)
        .set(SHUTDOWN_DEADLINE, settings.service().shutdownDeadline());
    return config.yaml("Tributary's configuration, made by the deploy module's CDK app from its settings: edit those.");
  }

  private static void dataset(ConfigWriter config, DatasetConfig dataset) {
    String name = dataset.name();
    config.set(DatasetKeys.of(name, DatasetKeys.POLICY), dataset.policy());
    if (dataset.eventTimeField() != null) {
      config.set(DatasetKeys.of(name, DatasetKeys.EVENT_TIME_FIELD), dataset.eventTimeField());
    }
    if (!dataset.timestampFields().isEmpty()) {
      config.set(DatasetKeys.of(name, DatasetKeys.TIMESTAMP_FIELDS), dataset.timestampFields());
    }
    config.set(DatasetKeys.of(name, DatasetKeys.GRANULARITY), dataset.granularity());
    if (!dataset.partitionFields().isEmpty()) {
      config.set(DatasetKeys.of(name, DatasetKeys.PARTITION_FIELDS), dataset.partitionFields());
    }
    config.set(DatasetKeys.of(name, DatasetKeys.ROLLING_MAX_AGE), dataset.rollingMaxAge());
  }
}
