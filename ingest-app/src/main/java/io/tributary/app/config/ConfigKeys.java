package io.tributary.app.config;

import static io.tributary.app.config.ValueType.BOOLEAN;
import static io.tributary.app.config.ValueType.STRING;
import static io.tributary.app.config.ValueType.STRING_LIST;
import static io.tributary.app.config.ValueType.STRING_MAP;
import static io.tributary.app.config.ValueType.bytes;
import static io.tributary.app.config.ValueType.duration;
import static io.tributary.app.config.ValueType.integer;
import static io.tributary.app.config.ValueType.oneOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key, declared once: name, type, default, documentation. docs/configuration.md is generated
 * from this class ({@code ./tributary config-docs}); a test fails when the file is stale.
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

  public static final ConfigKey<String> KAFKA_BOOTSTRAP = ConfigKey.optional("kafka.bootstrap-servers", STRING,
      "host:port[,host:port...] of the brokers. Required with `source.type: kafka`.");
  public static final ConfigKey<String> KAFKA_APPLICATION_ID = ConfigKey.of("kafka.application-id", STRING,
      "tributary", "The Kafka Streams application id: one per deployment; it is the consumer group id.");
  public static final ConfigKey<List<String>> KAFKA_TOPICS = ConfigKey.optional("kafka.topics", STRING_LIST,
      "Topics to read by name (each its own sub-topology: up to the sum of their partitions run in parallel). "
          + "Give this or `kafka.topic-pattern`.");
  public static final ConfigKey<String> KAFKA_TOPIC_PATTERN = ConfigKey.optional("kafka.topic-pattern", STRING,
      "Topics to read by Java regex; new matching topics are picked up. A task then holds partition i of every "
          + "matched topic: at most the largest partition count of them is useful as a task count.");
  public static final ConfigKey<Integer> KAFKA_STREAM_THREADS = ConfigKey.of("kafka.stream-threads",
      integer(1, 64), 1, "Kafka Streams threads in this task.");
  public static final ConfigKey<String> KAFKA_START_FROM = ConfigKey.of("kafka.start-from",
      oneOf("earliest", "latest"), "earliest", "Where a group with no committed offset starts.");
  public static final ConfigKey<Duration> KAFKA_TICK = ConfigKey.of("kafka.tick-interval",
      duration(Duration.ofMillis(50)), Duration.ofSeconds(1),
      "How often each stream thread rolls aged buffers, commits offsets that became durable, and samples lag.");
  public static final ConfigKey<Duration> KAFKA_COMMIT = ConfigKey.of("kafka.commit-interval",
      duration(Duration.ofMillis(100)), Duration.ofSeconds(10),
      "Kafka Streams' own commit interval; its commits pass the same gate (never past a non-durable record).");
  public static final ConfigKey<Duration> KAFKA_SESSION_TIMEOUT = ConfigKey.of("kafka.session-timeout",
      duration(Duration.ofSeconds(1)), Duration.ofSeconds(45),
      "How long the group waits for a silent (killed) task before its partitions move.");
  public static final ConfigKey<Duration> KAFKA_TOPIC_REFRESH = ConfigKey.of("kafka.topic-refresh-interval",
      duration(Duration.ofSeconds(1)), Duration.ofSeconds(30),
      "How often `kafka.topic-pattern` is matched against the cluster's topics again.");
  public static final ConfigKey<Map<String, String>> KAFKA_CLIENT_PROPERTIES = ConfigKey.of(
      "kafka.client-properties", STRING_MAP, Map.of(),
      "Further Kafka client properties, as they are (e.g. `consumer.max.poll.records: 500`). Properties the "
          + "source decides (group, offsets, processing guarantee, security) are refused.");
  public static final ConfigKey<String> KAFKA_SECURITY_MODE = ConfigKey.of("kafka.security.mode",
      oneOf("plaintext", "tls", "sasl-scram", "msk-iam"), "plaintext",
      "`plaintext` (local), `tls` (optionally mutual), `sasl-scram` (SCRAM over TLS), `msk-iam` (Amazon MSK IAM "
          + "access control over TLS, credentials from the task role).");
  public static final ConfigKey<String> KAFKA_SASL_MECHANISM = ConfigKey.of("kafka.security.sasl-mechanism",
      oneOf("scram-sha-512", "scram-sha-256"), "scram-sha-512", "The SCRAM mechanism with `sasl-scram`.");
  public static final ConfigKey<String> KAFKA_USERNAME = ConfigKey.optional("kafka.security.username", STRING,
      "The SCRAM user with `sasl-scram`.");
  public static final ConfigKey<String> KAFKA_PASSWORD = ConfigKey.optional("kafka.security.password", STRING,
      "The SCRAM password with `sasl-scram`; use `${ENV_VAR}` rather than writing it in the file.");
  public static final ConfigKey<String> KAFKA_TRUSTSTORE = ConfigKey.optional("kafka.security.truststore-path",
      STRING, "A trust store file for `tls` or `sasl-scram`; without it the JVM's CAs are used (enough for MSK).");
  public static final ConfigKey<String> KAFKA_TRUSTSTORE_PASSWORD = ConfigKey.of(
      "kafka.security.truststore-password", STRING, "", "The trust store's password.");
  public static final ConfigKey<String> KAFKA_KEYSTORE = ConfigKey.optional("kafka.security.keystore-path",
      STRING, "A key store file for mutual TLS with `tls`.");
  public static final ConfigKey<String> KAFKA_KEYSTORE_PASSWORD = ConfigKey.of(
      "kafka.security.keystore-password", STRING, "", "The key store's password.");
  public static final ConfigKey<String> KAFKA_STORE_TYPE = ConfigKey.of("kafka.security.store-type",
      oneOf("pkcs12", "jks", "pem"), "pkcs12", "The type of the trust and key store files.");
  public static final ConfigKey<String> KAFKA_ROLE_ARN = ConfigKey.optional("kafka.security.role-arn", STRING,
      "With `msk-iam`: a role to assume instead of using the task role directly.");

  public static final ConfigKey<List<String>> KINESIS_STREAMS = ConfigKey.optional("kinesis.streams", STRING_LIST,
      "Stream names to read. Required with `source.type: kinesis`; more than one runs KCL in multi-stream mode "
          + "(one lease table for all).");
  public static final ConfigKey<String> KINESIS_REGION = ConfigKey.optional("kinesis.region", STRING,
      "Region of the streams, the lease table and KCL's metrics. Default: from the environment (AWS_REGION).");
  public static final ConfigKey<String> KINESIS_ENDPOINT = ConfigKey.optional("kinesis.endpoint", STRING,
      "A Kinesis endpoint override (kinesis-local, a VPC endpoint URL); absent for AWS.");
  public static final ConfigKey<String> KINESIS_DYNAMODB_ENDPOINT = ConfigKey.optional("kinesis.dynamodb-endpoint",
      STRING, "A DynamoDB endpoint override for the lease table (DynamoDB Local, a VPC endpoint); absent for AWS.");
  public static final ConfigKey<String> KINESIS_CLOUDWATCH_ENDPOINT = ConfigKey.optional(
      "kinesis.cloudwatch-endpoint", STRING, "A CloudWatch endpoint override for KCL's own metrics; absent for AWS.");
  public static final ConfigKey<String> KINESIS_APPLICATION = ConfigKey.of("kinesis.application-name", STRING,
      "tributary", "The KCL application: one per deployment (like a consumer group). Names the lease table unless "
          + "`kinesis.lease-table` is given, and the enhanced fan-out consumer.");
  public static final ConfigKey<String> KINESIS_LEASE_TABLE = ConfigKey.optional("kinesis.lease-table", STRING,
      "The DynamoDB table of leases and checkpoints. Default: the application name.");
  public static final ConfigKey<String> KINESIS_INITIAL_POSITION = ConfigKey.of("kinesis.initial-position",
      oneOf("trim-horizon", "latest", "at-timestamp"), "trim-horizon",
      "Where a shard with no checkpoint starts: the oldest record kept, the newest, or `kinesis.initial-timestamp`. "
          + "With `latest`, a task killed before a new shard's first flush can leave records behind (KCL cannot "
          + "checkpoint before a first record; see docs/design/kinesis.md): prefer `at-timestamp` to start late.");
  public static final ConfigKey<String> KINESIS_INITIAL_TIMESTAMP = ConfigKey.optional("kinesis.initial-timestamp",
      STRING, "An ISO-8601 instant (`2025-11-21T06:00:00Z`); required with `initial-position: at-timestamp`.");
  public static final ConfigKey<String> KINESIS_CONSUMER = ConfigKey.of("kinesis.consumer",
      oneOf("polling", "enhanced-fan-out"), "polling",
      "`polling`: GetRecords, sharing 2 MB/s per shard with other consumers; `enhanced-fan-out`: SubscribeToShard "
          + "with a dedicated 2 MB/s per shard (registers a stream consumer; billed per shard hour and GB).");
  public static final ConfigKey<String> KINESIS_LEASE_ASSIGNMENT = ConfigKey.of("kinesis.lease-assignment",
      oneOf("worker-utilization", "lease-count"), "worker-utilization",
      "How KCL 3's leader spreads shards over tasks: by each task's CPU and the shards' throughput (KCL's default), "
          + "or an even count per task.");
  public static final ConfigKey<String> KINESIS_KCL_METRICS = ConfigKey.of("kinesis.kcl-metrics",
      oneOf("none", "summary", "detailed"), "none",
      "KCL's own CloudWatch metrics (billed per metric); Tributary's metrics, source lag included, are separate.");
  public static final ConfigKey<Integer> KINESIS_MAX_RECORDS = ConfigKey.of("kinesis.max-records",
      integer(1, 10_000), 10_000, "The most records one GetRecords call returns (polling).");
  public static final ConfigKey<Duration> KINESIS_SHARD_SYNC = ConfigKey.of("kinesis.shard-sync-interval",
      duration(Duration.ofMillis(100)), Duration.ofSeconds(60),
      "How often the leader lists shards and creates leases for new ones (after a reshard).");
  public static final ConfigKey<Duration> KINESIS_FAILOVER = ConfigKey.of("kinesis.failover-time",
      duration(Duration.ofMillis(100)), Duration.ofSeconds(10),
      "A lease not renewed for this long expires: a killed task's shards move after about this long.");
  public static final ConfigKey<Duration> KINESIS_LEASE_ASSIGNMENT_INTERVAL = ConfigKey.optional(
      "kinesis.lease-assignment-interval", duration(Duration.ofMillis(100)),
      "How often the leader assigns expired and new leases. Default: twice `kinesis.failover-time`.");
  public static final ConfigKey<Duration> KINESIS_LEADER_LEASE = ConfigKey.of("kinesis.leader-lease-duration",
      duration(Duration.ofSeconds(1)), Duration.ofSeconds(30),
      "How long a killed leader keeps the leadership lock (KCL's default is 2 minutes, during which nobody "
          + "assigns leases).");
  public static final ConfigKey<Duration> KINESIS_IDLE_BETWEEN_READS = ConfigKey.of(
      "kinesis.idle-time-between-reads", duration(Duration.ofMillis(200)), Duration.ofMillis(1500),
      "The pause between GetRecords calls of one shard (polling; 5 reads per second per shard are allowed).");
  public static final ConfigKey<Duration> KINESIS_PARENT_POLL = ConfigKey.of("kinesis.parent-shard-poll-interval",
      duration(Duration.ofMillis(100)), Duration.ofSeconds(10),
      "How often a child shard checks whether its parents are finished (children start after their parents).");
  public static final ConfigKey<Duration> KINESIS_WORKER_REPORT = ConfigKey.of("kinesis.worker-report-interval",
      duration(Duration.ofSeconds(2)), Duration.ofSeconds(30),
      "How often each task reports itself to the leader; a task silent for two intervals gets no more leases.");
  public static final ConfigKey<Duration> KINESIS_TICK = ConfigKey.of("kinesis.tick-interval",
      duration(Duration.ofMillis(50)), Duration.ofSeconds(1),
      "How often aged buffers are rolled; each shard checkpoints what became durable on its next read.");

  // --- store

  public static final ConfigKey<String> STORE_TYPE = ConfigKey.of("store.type", oneOf("local", "s3"), "local",
      "`local`: a folder (development, the demo); `s3`: an S3 bucket (or anything S3-compatible).");
  public static final ConfigKey<String> STORE_PATH = ConfigKey.of("store.path", STRING, "./lake",
      "The folder with `store.type: local`.");
  public static final ConfigKey<String> S3_BUCKET = ConfigKey.optional("store.s3.bucket", STRING,
      "The bucket with `store.type: s3`.");
  public static final ConfigKey<String> S3_REGION = ConfigKey.optional("store.s3.region", STRING,
      "The bucket's region. Default: from the environment (AWS_REGION), as the SDK finds it.");
  public static final ConfigKey<String> S3_ENDPOINT = ConfigKey.optional("store.s3.endpoint", STRING,
      "An endpoint override (S3Proxy, MinIO, a VPC endpoint URL); absent for AWS.");
  public static final ConfigKey<Boolean> S3_PATH_STYLE = ConfigKey.of("store.s3.path-style", BOOLEAN, false,
      "Path-style addressing (bucket in the path), as most S3-compatible servers want.");

  // --- the lake

  public static final ConfigKey<String> LAKE_PREFIX = ConfigKey.of("lake.prefix", STRING, "",
      "Key prefix of the datasets (and of `_schemas/`, `_tributary/`) in the store; empty for the root.");
  public static final ConfigKey<String> LAKE_ERROR_PREFIX = ConfigKey.of("lake.error-prefix", STRING, "_errors",
      "Key prefix of the error files. Starting with `_` keeps them out of Hive-style scans of the root.");
  public static final ConfigKey<Long> LIMIT_RECORD_BYTES = ConfigKey.of("limits.max-record-bytes",
      bytes(1024), 10L << 20, "Records larger than this go to the error prefix as OVERSIZE.");
  public static final ConfigKey<Integer> LIMIT_DEPTH = ConfigKey.of("limits.max-depth", integer(2, 512), 64,
      "JSON nested deeper than this goes to the error prefix as TOO_DEEP.");
  public static final ConfigKey<Long> MEMORY_BUDGET = ConfigKey.optional("buffers.memory-budget", bytes(1 << 20),
      "The most memory all buffers may hold; over it the largest roll early. Default: 40% of the maximum heap.");
  public static final ConfigKey<String> PARQUET_COMPRESSION = ConfigKey.of("parquet.compression",
      oneOf("zstd", "snappy", "none"), "zstd", "Parquet compression codec.");

  // --- routing

  public static final ConfigKey<String> ROUTING_MODE = ConfigKey.of("routing.mode",
      oneOf("stream", "field", "template"), "stream",
      "`stream`: one dataset per topic; `field`: the dataset named by a field of the event; `template`: a name "
          + "built from the topic and fields, e.g. `{topic}_{type}`.");
  public static final ConfigKey<String> ROUTING_FIELD = ConfigKey.optional("routing.field", STRING,
      "The dotted field path with `routing.mode: field`.");
  public static final ConfigKey<String> ROUTING_TEMPLATE = ConfigKey.optional("routing.template", STRING,
      "The template with `routing.mode: template`.");
  public static final ConfigKey<String> ROUTING_FALLBACK = ConfigKey.optional("routing.fallback-dataset", STRING,
      "Where events without the routing field go; absent: they go to the error prefix as ROUTING.");

  // --- errors

  public static final ConfigKey<String> ERROR_GRANULARITY = ConfigKey.of("errors.granularity",
      oneOf("hour", "day", "month", "year"), "hour", "Time partitions of the error files (by source time).");
  public static final ConfigKey<Duration> ERROR_MAX_AGE = ConfigKey.of("errors.rolling.max-age",
      duration(Duration.ofMillis(100)), Duration.ofMinutes(5), "An error file rolls at this age.");

  // --- catalog: the Glue table of each dataset (and of the error files), kept in step with the schema

  public static final ConfigKey<String> CATALOG_TYPE = ConfigKey.of("catalog.type", oneOf("none", "glue"), "none",
      "`none`: no catalog (create tables from `tributary ddl`); `glue`: the engine creates each dataset's Glue table "
          + "when its first file is committed and updates it whenever the schema grows, off the landing path "
          + "(needs `store.type: s3`).");
  public static final ConfigKey<String> CATALOG_DATABASE = ConfigKey.optional("catalog.database", STRING,
      "The Glue database of the tables, with `catalog.type: glue`; it must exist (the CDK app creates it).");
  public static final ConfigKey<String> CATALOG_REGION = ConfigKey.optional("catalog.region", STRING,
      "Glue's region. Default: `store.s3.region`, else from the environment (AWS_REGION).");
  public static final ConfigKey<String> CATALOG_ENDPOINT = ConfigKey.optional("catalog.endpoint", STRING,
      "An endpoint override for Glue (a VPC endpoint URL); absent for AWS.");
  public static final ConfigKey<String> CATALOG_TABLE_PREFIX = ConfigKey.of("catalog.table-prefix", STRING, "",
      "Prepended to every table name (`raw_` makes `raw_orders`): lowercase letters, digits and `_`. The errors "
          + "table is `<prefix>tributary_errors`.");
  /** The catalog keys, in the order the documentation lists them. */
  public static final List<ConfigKey<?>> CATALOG = List.of(CATALOG_TYPE, CATALOG_DATABASE, CATALOG_REGION,
      CATALOG_ENDPOINT, CATALOG_TABLE_PREFIX);

  // --- per dataset: declared once as a template, under `dataset-defaults.` and `datasets.<name>.`

  /** The keys every dataset has, relative to {@code dataset-defaults.} or {@code datasets.<name>.}. */
  public static final List<ConfigKey<?>> DATASET = List.of(
      ConfigKey.of("policy", oneOf("evolve", "strict"), "evolve",
          "`evolve`: new fields become columns, misfits go to `_rescued`; `strict`: a record that would change "
              + "the schema goes to the error prefix as SCHEMA."),
      ConfigKey.of("max-columns", integer(1, 100_000), 1000,
          "The most leaf columns; fields beyond go to `_rescued`."),
      ConfigKey.of("timestamp-fields", STRING_LIST, List.of(),
          "Dotted field paths written as TIMESTAMP(MICROS, UTC) columns."),
      ConfigKey.of("overrides", STRING_MAP, Map.of(),
          "Field paths pinned to a type: `long`, `double`, `boolean`, `string`, `timestamp`, `json` (kept as "
              + "JSON text) or `map` (a MAP<string, V> column)."),
      ConfigKey.optional("event-time-field", STRING,
          "The dotted field path of the event time; absent: the source timestamp."),
      ConfigKey.of("event-time-format", oneOf("auto", "epoch-seconds", "epoch-millis", "iso-8601"), "auto",
          "How the event time field is written."),
      ConfigKey.of("granularity", oneOf("hour", "day", "month", "year"), "hour", "Time partitions of the data."),
      ConfigKey.of("partition-fields", STRING_LIST, List.of(),
          "Dotted field paths added as partition keys after the time keys."),
      ConfigKey.of("rolling.max-age", duration(Duration.ofMillis(100)), Duration.ofMinutes(5),
          "A data file rolls at this age (of its first record, wall clock)."),
      ConfigKey.of("rolling.max-bytes", bytes(1024), 128L << 20, "A data file rolls at this buffered size."),
      ConfigKey.of("rolling.max-records", integer(1, Integer.MAX_VALUE), 5_000_000,
          "A data file rolls at this many records."));

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

  /** Every key, with the per-dataset template expanded under both of its prefixes. */
  public static List<ConfigKey<?>> all() {
    List<ConfigKey<?>> all = new ArrayList<>(List.of(INSTANCE_ID, SOURCE_TYPE, KAFKA_BOOTSTRAP,
        KAFKA_APPLICATION_ID, KAFKA_TOPICS, KAFKA_TOPIC_PATTERN, KAFKA_STREAM_THREADS, KAFKA_START_FROM, KAFKA_TICK,
        KAFKA_COMMIT, KAFKA_SESSION_TIMEOUT, KAFKA_TOPIC_REFRESH, KAFKA_CLIENT_PROPERTIES, KAFKA_SECURITY_MODE,
        KAFKA_SASL_MECHANISM, KAFKA_USERNAME, KAFKA_PASSWORD, KAFKA_TRUSTSTORE, KAFKA_TRUSTSTORE_PASSWORD,
        KAFKA_KEYSTORE, KAFKA_KEYSTORE_PASSWORD, KAFKA_STORE_TYPE, KAFKA_ROLE_ARN, KINESIS_STREAMS, KINESIS_REGION,
        KINESIS_ENDPOINT, KINESIS_DYNAMODB_ENDPOINT, KINESIS_CLOUDWATCH_ENDPOINT, KINESIS_APPLICATION,
        KINESIS_LEASE_TABLE, KINESIS_INITIAL_POSITION, KINESIS_INITIAL_TIMESTAMP, KINESIS_CONSUMER,
        KINESIS_LEASE_ASSIGNMENT, KINESIS_KCL_METRICS, KINESIS_MAX_RECORDS, KINESIS_SHARD_SYNC, KINESIS_FAILOVER,
        KINESIS_LEASE_ASSIGNMENT_INTERVAL, KINESIS_LEADER_LEASE, KINESIS_IDLE_BETWEEN_READS, KINESIS_PARENT_POLL,
        KINESIS_WORKER_REPORT, KINESIS_TICK, STORE_TYPE, STORE_PATH,
        S3_BUCKET, S3_REGION, S3_ENDPOINT, S3_PATH_STYLE, LAKE_PREFIX, LAKE_ERROR_PREFIX, LIMIT_RECORD_BYTES,
        LIMIT_DEPTH, MEMORY_BUDGET, PARQUET_COMPRESSION, ROUTING_MODE, ROUTING_FIELD, ROUTING_TEMPLATE,
        ROUTING_FALLBACK, ERROR_GRANULARITY, ERROR_MAX_AGE));
    all.addAll(CATALOG);
    for (ConfigKey<?> key : DATASET) {
      all.add(under("dataset-defaults.", key));
    }
    for (ConfigKey<?> key : DATASET) {
      all.add(under("datasets.*.", key));
    }
    all.addAll(List.of(CLOUDWATCH_ENABLED, CLOUDWATCH_NAMESPACE, CLOUDWATCH_STEP, CLOUDWATCH_REGION,
        CLOUDWATCH_ENDPOINT, CLOUDWATCH_DIMENSIONS, PROMETHEUS_ENABLED, HTTP_PORT, SHUTDOWN_DEADLINE));
    return List.copyOf(all);
  }

  /** A per-dataset key under {@code prefix}. */
  public static <T> ConfigKey<T> under(String prefix, ConfigKey<T> key) {
    return new ConfigKey<>(prefix + key.name(), key.type(), key.defaultValue(), key.required(), key.doc());
  }

  /** The per-dataset key named {@code name} (relative), for code that reads it. */
  @SuppressWarnings("unchecked")
  public static <T> ConfigKey<T> dataset(String name) {
    return (ConfigKey<T>) DATASET.stream().filter(k -> k.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No dataset key " + name));
  }
}
