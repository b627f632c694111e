package io.tributary.deploy.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One deployment of Tributary on ECS Fargate, as read from the settings file (see {@code deploy/examples/}).
 *
 * @param name the deployment's name: names the stack's resources, the default consumer group or KCL application,
 *     and the default CloudWatch namespace ({@code Tributary/<name>})
 * @param namespace the CloudWatch namespace the engine publishes to; the task may put metrics in it only
 * @param environment further environment variables of the container
 * @param secrets environment variables from SSM SecureString parameters: variable name to parameter name (for
 *     {@code ${VAR}} in the engine's configuration)
 * @param tableFormat the datasets' table format, {@code hive} (default) or {@code iceberg}; a dataset may set its own
 * @param iceberg where the Iceberg tables live (default with Iceberg tables: the stack's Glue database); null without
 * @param maintenance the scheduled table maintenance task; null for none (the service's own loop maintains)
 * @param firehose the datasets delivered through Amazon Data Firehose instead of written by the engine; null for
 *     none
 */
public record DeploySettings(String name, ImageSettings image, LakeSettings lake, SourceSettings source,
    ServiceSettings service, ScalingSettings scaling, AlarmSettings alarms, VpcSettings vpc, String namespace,
    List<DatasetConfig> datasets, Map<String, String> environment, Map<String, String> secrets, String tableFormat,
    IcebergCatalogSettings iceberg, MaintenanceTaskSettings maintenance, FirehoseSettings firehose) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,30}[a-z0-9]");
  private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final Pattern PARAMETER = Pattern.compile("/?[A-Za-z0-9_.\\-/]{1,1011}");

  public DeploySettings {
    Check.matches(name, "name", NAME, "3 to 32 of a-z 0-9 -, starting with a letter");
    Check.required(image, "image");
    Check.required(lake, "lake");
    Check.required(source, "source");
    service = Check.orDefault(service, new ServiceSettings(null, null, null, null, null, null, null));
    scaling = Check.orDefault(scaling, new ScalingSettings(null, null, null));
    alarms = Check.orDefault(alarms, new AlarmSettings(null, null, null, null));
    namespace = Check.orDefault(namespace, "Tributary/" + name);
    if (namespace.isBlank() || namespace.length() > 255 || namespace.startsWith("AWS/")) {
      throw new IllegalArgumentException("namespace: '" + namespace + "' is not allowed: 1 to 255 characters, not "
          + "starting with AWS/");
    }
    datasets = List.copyOf(Check.orDefault(datasets, List.of()));
    Set<String> tables = new HashSet<>();
    for (DatasetConfig dataset : datasets) {
      if (!tables.add(dataset.name())) {
        throw new IllegalArgumentException("datasets: two datasets are named '" + dataset.name() + "'");
      }
    }
    environment = new TreeMap<>(Check.orDefault(environment, Map.of()));
    secrets = new TreeMap<>(Check.orDefault(secrets, Map.of()));
    for (String variable : environment.keySet()) {
      Check.matches(variable, "environment", ENV, "an environment variable name (A-Z 0-9 _)");
    }
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      Check.matches(secret.getKey(), "secrets", ENV, "an environment variable name (A-Z 0-9 _)");
      Check.matches(secret.getValue(), "secrets." + secret.getKey(), PARAMETER, "an SSM parameter name");
    }
    tableFormat = IcebergCatalogSettings.format(Check.orDefault(tableFormat, IcebergCatalogSettings.HIVE),
        "table-format");
    iceberg = IcebergCatalogSettings.resolve(tableFormat, datasets, iceberg, maintenance);
    if (firehose != null) {
      checkFirehose(name, firehose, datasets);
    }
    if (service.maxTasks() > source.parallelism()) {
      throw new IllegalArgumentException("service.max-tasks: " + service.maxTasks() + " is more than "
          + source.parallelismKey() + " " + source.parallelism() + ": a task beyond one per partition or shard"
          + " would own nothing");
    }
  }

  private static void checkFirehose(String name, FirehoseSettings firehose, List<DatasetConfig> datasets) {
    for (String dataset : firehose.datasets()) {
      DatasetConfig config = find(datasets, dataset).orElseThrow(() -> new IllegalArgumentException("firehose.datasets: '" + dataset + "' is not one of "
              + "datasets[] (its granularity and Glue table come from there)"));
      if (!config.partitionFields().isEmpty()) {
        throw new IllegalArgumentException("firehose.datasets: '" + dataset + "' has partition-fields: Firehose "
            + "delivery partitions by event time only");
      }
      String stream = FirehoseSettings.streamName(name, dataset);
      if (stream.length() > 64) {
        throw new IllegalArgumentException("firehose.datasets: the delivery stream '" + stream + "' is longer than "
            + "Firehose's 64 characters: shorten the deployment or dataset name");
      }
    }
  }

  /** The settings of {@code dataset}, which must be one of {@link #datasets()}. */
  public DatasetConfig dataset(String dataset) {
    return find(datasets, dataset).orElseThrow(() -> new IllegalArgumentException("no dataset " + dataset));
  }

  private static Optional<DatasetConfig> find(List<DatasetConfig> datasets, String name) {
    return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The Glue database of the lake: the deployment name with {@code _} for {@code -}, then {@code _lake}. */
  public String databaseName() {
    return name.replace('-', '_') + "_lake";
  }

  /** The Kafka consumer group or KCL application name: the configured one, else the deployment name. */
  public String consumerName() {
    if (source.isKafka()) {
      return Check.orDefault(source.kafka().applicationId(), name);
    }
    return Check.orDefault(source.kinesis().applicationName(), name);
  }

  /** The table format {@code dataset} lands in: its own, else the deployment's. */
  public String tableFormat(DatasetConfig dataset) {
    return Check.orDefault(dataset.tableFormat(), tableFormat);
  }

  /** Whether the Iceberg tables are in an S3 Tables table bucket. */
  public boolean s3Tables() {
    return iceberg != null && iceberg.isS3Tables();
  }

  /** Whether some datasets are Iceberg tables in the stack's Glue database. */
  public boolean glueIcebergTables() {
    return iceberg != null && !iceberg.isS3Tables();
  }

  /** The Iceberg namespace of the tables: the S3 Tables namespace, else the Glue database. */
  public String icebergNamespace() {
    return s3Tables() && iceberg.namespace() != null ? iceberg.namespace() : databaseName();
  }

  /** The lag target of the scaling policy for this source. */
  public double lagTarget() {
    return scaling.lagTarget(source.isKafka());
  }
}
