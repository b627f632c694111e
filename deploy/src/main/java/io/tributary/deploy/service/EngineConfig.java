package io.tributary.deploy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.tributary.deploy.monitoring.EngineMetrics;
import io.tributary.deploy.settings.DatasetSettings;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.deploy.settings.DurationText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's YAML configuration for a deployment (docs/configuration.md), kept in SSM and handed to the container.
 * What differs per environment or is only known at deploy time comes from the container's environment through
 * {@code ${VAR}}: the bucket ({@value #BUCKET_VARIABLE}), the region ({@code AWS_REGION}) and, with Kafka, the
 * brokers ({@value #BOOTSTRAP_VARIABLE}).
 */
public final class EngineConfig {

  /** The environment variable holding the lake bucket's name. */
  public static final String BUCKET_VARIABLE = "LAKE_BUCKET";
  /** The environment variable holding the MSK bootstrap brokers. */
  public static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
  /** The engine's {@code http.port}: health endpoints and metrics. */
  public static final int HTTP_PORT = 8080;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private EngineConfig() {}

  /** The configuration file's text. */
  public static String yaml(DeploySettings settings) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("source", Map.of("type", settings.source().type()));
    if (settings.source().isKafka()) {
      Map<String, Object> kafka = new LinkedHashMap<>();
      kafka.put("bootstrap-servers", "${" + BOOTSTRAP_VARIABLE + "}");
      kafka.put("application-id", settings.consumerName());
      kafka.put("topics", settings.source().kafka().exactTopics());
      kafka.put("stream-threads", settings.source().kafka().streamThreads());
      kafka.put("security", Map.of("mode", "msk-iam"));
      root.put("kafka", kafka);
    } else {
      Map<String, Object> kinesis = new LinkedHashMap<>();
      kinesis.put("streams", settings.source().kinesis().streams());
      kinesis.put("application-name", settings.consumerName());
      kinesis.put("region", "${AWS_REGION}");
      root.put("kinesis", kinesis);
    }
    root.put("store", Map.of("type", "s3", "s3", Map.of("bucket", "${" + BUCKET_VARIABLE + "}",
        "region", "${AWS_REGION}")));
    Map<String, Object> lake = new LinkedHashMap<>();
    lake.put("prefix", settings.lake().prefix());
    lake.put("error-prefix", settings.lake().errorPrefix());
    root.put("lake", lake);
    // The engine keeps the Glue tables: created on a dataset's first file, updated as its schema grows.
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("type", "glue");
    catalog.put("database", settings.databaseName());
    catalog.put("region", "${AWS_REGION}");
    root.put("catalog", catalog);
    if (!settings.datasets().isEmpty()) {
      Map<String, Object> datasets = new LinkedHashMap<>();
      for (DatasetSettings dataset : settings.datasets()) {
        datasets.put(dataset.name(), dataset(dataset));
      }
      root.put("datasets", datasets);
    }
    Map<String, Object> cloudWatch = new LinkedHashMap<>();
    cloudWatch.put("enabled", true);
    cloudWatch.put("namespace", settings.namespace());
    cloudWatch.put("region", "${AWS_REGION}");
    cloudWatch.put("step", "1m");
    cloudWatch.put("dimensions", EngineMetrics.DIMENSIONS);
    root.put("metrics", Map.of("cloudwatch", cloudWatch, "prometheus", Map.of("enabled", true)));
    root.put("http", Map.of("port", HTTP_PORT));
    root.put("shutdown", Map.of("deadline", DurationText.text(settings.service().shutdownDeadline())));
    try {
      return "# Tributary's configuration, made by the deploy module's CDK app from its settings: edit those.\n"
          + YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the engine configuration", e);
    }
  }

  private static Map<String, Object> dataset(DatasetSettings dataset) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("policy", dataset.policy());
    if (dataset.eventTimeField() != null) {
      out.put("event-time-field", dataset.eventTimeField());
    }
    if (!dataset.timestampFields().isEmpty()) {
      out.put("timestamp-fields", dataset.timestampFields());
    }
    out.put("granularity", dataset.granularity());
    if (!dataset.partitionFields().isEmpty()) {
      out.put("partition-fields", dataset.partitionFields());
    }
    out.put("rolling", Map.of("max-age", DurationText.text(dataset.rollingMaxAge())));
    return out;
  }
}
