package io.tributary.app.config;

import static io.tributary.app.config.ConfigKeys.*;

import io.tributary.app.metrics.MetricsSettings;
import io.tributary.buffer.RollingPolicy;
import io.tributary.decode.DecodeLimits;
import io.tributary.kafka.KafkaSecurity;
import io.tributary.kafka.KafkaSourceSettings;
import io.tributary.kinesis.KinesisSourceSettings;
import io.tributary.landing.DatasetSettings;
import io.tributary.landing.LandingSettings;
import io.tributary.parquet.Compression;
import io.tributary.parquet.WriteOptions;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.routing.DatasetNames;
import io.tributary.routing.DatasetRouter;
import io.tributary.routing.DatasetRouters;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.PathOverride;
import io.tributary.schema.SchemaPolicy;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.store.s3.S3ObjectStore;
import io.tributary.store.s3.S3StoreSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The service's settings built from a {@link Config}: the landing layer's, the store's and the source's. Rules
 * that span keys (a Kafka source needs its brokers, S3 needs a bucket) are checked here, each naming its key.
 */
public final class ServiceConfig {

  private static final String DEFAULTS = "dataset-defaults.";

  private final Config config;

  private ServiceConfig(Config config) {
    this.config = config;
  }

  /** Checks everything a start needs; throws one {@link ConfigException} listing every problem. */
  public static ServiceConfig of(Config config) {
    ServiceConfig service = new ServiceConfig(config);
    List<String> problems = new ArrayList<>();
    service.check(problems, service::landingSettings);
    service.check(problems, service::storeDescription);
    service.check(problems, service::metricsSettings);
    service.check(problems, service::catalogSettings);
    if (config.get(SOURCE_TYPE).equals("kafka")) {
      service.check(problems, service::kafkaSettings);
    } else {
      service.check(problems, service::kinesisSettings);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.stream().map(p -> config.origin() + ": " + p).toList());
    }
    return service;
  }

  private void check(List<String> problems, Supplier<?> build) {
    try {
      build.get();
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
  }

  public Config config() {
    return config;
  }

  public String instanceId() {
    return config.find(INSTANCE_ID).orElseGet(ServiceConfig::hostName);
  }

  public Duration shutdownDeadline() {
    return config.get(SHUTDOWN_DEADLINE);
  }

  public int httpPort() {
    return config.get(HTTP_PORT);
  }

  /** Where metrics go. */
  public MetricsSettings metricsSettings() {
    boolean cloudWatch = config.get(CLOUDWATCH_ENABLED);
    String region = config.find(CLOUDWATCH_REGION).or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
        .orElse(null);
    if (cloudWatch && region == null) {
      throw new ConfigException("missing metrics.cloudwatch.region: give it, or set AWS_REGION");
    }
    Optional<URI> endpoint = config.find(CLOUDWATCH_ENDPOINT)
        .map(e -> named("metrics.cloudwatch.endpoint", () -> URI.create(e)));
    return named("metrics.cloudwatch.namespace", () -> new MetricsSettings(cloudWatch,
        config.get(CLOUDWATCH_NAMESPACE), config.get(CLOUDWATCH_STEP), region == null ? "us-east-1" : region,
        endpoint, Set.copyOf(config.get(CLOUDWATCH_DIMENSIONS)), config.get(PROMETHEUS_ENABLED)));
  }

  /** The {@code catalog.*} keys. */
  public CatalogSettings catalogSettings() {
    return CatalogSettings.of(config);
  }

  /** The landing layer's settings. */
  public LandingSettings landingSettings() {
    long budget = config.find(MEMORY_BUDGET).orElse((long) (Runtime.getRuntime().maxMemory() * 0.4));
    Map<String, DatasetSettings> perDataset = new HashMap<>();
    DatasetSettings defaults = datasetSettings(DEFAULTS);
    for (String name : config.names("datasets.")) {
      String dataset = DatasetNames.sanitize(name);
      perDataset.put(dataset, datasetSettings("datasets." + name + "."));
    }
    Function<String, DatasetSettings> datasets = dataset -> perDataset.getOrDefault(dataset, defaults);
    RollingPolicy errorRolling = new RollingPolicy(config.get(ERROR_MAX_AGE), RollingPolicy.DEFAULT_MAX_BYTES,
        RollingPolicy.DEFAULT_MAX_RECORDS);
    return new LandingSettings(config.get(LAKE_PREFIX), config.get(LAKE_ERROR_PREFIX), instanceId(),
        new DecodeLimits(Math.toIntExact(config.get(LIMIT_RECORD_BYTES)), config.get(LIMIT_DEPTH)), router(),
        datasets, Granularity.fromConfig(config.get(ERROR_GRANULARITY)), errorRolling,
        WriteOptions.defaults().withCompression(Compression.fromConfig(config.get(PARQUET_COMPRESSION))), budget);
  }

  private DatasetSettings datasetSettings(String prefix) {
    SchemaPolicy policy = SchemaPolicy.fromConfig(value(prefix, "policy"));
    List<PathOverride> overrides = new ArrayList<>();
    List<String> timestamps = value(prefix, "timestamp-fields");
    for (String path : timestamps) {
      overrides.add(PathOverride.timestamp(path));
    }
    Map<String, String> pinned = value(prefix, "overrides");
    pinned.forEach((path, type) -> overrides.add(named(prefix + "overrides." + path,
        () -> PathOverride.parse(path, type))));
    EvolutionSettings evolution = new EvolutionSettings(policy, value(prefix, "max-columns"), overrides);
    Optional<String> eventTimeField = find(prefix, "event-time-field");
    PartitionSpec partitioning = named(prefix + "event-time-field", () -> PartitionSpec.fromConfig(
        eventTimeField.orElse(null), value(prefix, "event-time-format").toString().replace('-', '_'),
        value(prefix, "granularity"),
        value(prefix, "partition-fields")));
    Duration maxAge = value(prefix, "rolling.max-age");
    Long maxBytes = value(prefix, "rolling.max-bytes");
    Integer maxRecords = value(prefix, "rolling.max-records");
    return new DatasetSettings(evolution, partitioning, new RollingPolicy(maxAge, maxBytes, maxRecords));
  }

  /** A per-dataset key: the dataset's own value, else the one under dataset-defaults (else the built-in default). */
  private <T> T value(String prefix, String name) {
    return config.get(effective(prefix, name));
  }

  private <T> Optional<T> find(String prefix, String name) {
    return config.find(effective(prefix, name));
  }

  private <T> ConfigKey<T> effective(String prefix, String name) {
    ConfigKey<T> own = ConfigKeys.under(prefix, ConfigKeys.dataset(name));
    return config.has(own) ? own : ConfigKeys.under(DEFAULTS, ConfigKeys.dataset(name));
  }

  private DatasetRouter router() {
    Optional<String> fallback = config.find(ROUTING_FALLBACK);
    switch (config.get(ROUTING_MODE)) {
      case "field":
        String field = config.find(ROUTING_FIELD).orElseThrow(() -> new ConfigException(
            "missing routing.field: `routing.mode: field` needs the field path that names the dataset"));
        return named("routing.field", () -> DatasetRouters.byField(field, fallback.orElse(null)));
      case "template":
        String template = config.find(ROUTING_TEMPLATE).orElseThrow(() -> new ConfigException(
            "missing routing.template: `routing.mode: template` needs a template such as {topic}_{type}"));
        return named("routing.template", () -> DatasetRouters.template(template, fallback.orElse(null)));
      default:
        return DatasetRouters.byStream();
    }
  }

  /** Opens the configured object store. */
  public ObjectStore openStore() {
    if (config.get(STORE_TYPE).equals("s3")) {
      return new S3ObjectStore(s3Settings());
    }
    return new LocalFileStore(Path.of(config.get(STORE_PATH)));
  }

  /** A line saying where the lake is, for logs and the CLI. */
  public String storeDescription() {
    if (config.get(STORE_TYPE).equals("s3")) {
      S3StoreSettings s3 = s3Settings();
      return "s3://" + s3.bucket() + "/" + config.get(LAKE_PREFIX)
          + (s3.endpointOverride() == null ? "" : " at " + s3.endpointOverride());
    }
    return Path.of(config.get(STORE_PATH)).toAbsolutePath().normalize().resolve(config.get(LAKE_PREFIX)).toString();
  }

  /** The folder of the lake when it is local. */
  public Optional<Path> localLake() {
    return config.get(STORE_TYPE).equals("local") ? Optional.of(Path.of(config.get(STORE_PATH))) : Optional.empty();
  }

  S3StoreSettings s3Settings() {
    String bucket = config.find(S3_BUCKET).orElseThrow(() -> new ConfigException(
        "missing store.s3.bucket: `store.type: s3` needs a bucket"));
    String region = config.find(S3_REGION).or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
        .orElseThrow(() -> new ConfigException("missing store.s3.region: give it, or set AWS_REGION"));
    S3StoreSettings settings = named("store.s3.bucket", () -> S3StoreSettings.defaults(bucket, region));
    Optional<String> endpoint = config.find(S3_ENDPOINT);
    if (endpoint.isPresent() || config.get(S3_PATH_STYLE)) {
      URI uri = endpoint.map(e -> named("store.s3.endpoint", () -> URI.create(e))).orElse(null);
      settings = named("store.s3.endpoint", () -> S3StoreSettings.defaults(bucket, region)
          .withEndpoint(uri, config.get(S3_PATH_STYLE)));
    }
    return settings;
  }

  /** The Kafka source's settings. */
  public KafkaSourceSettings kafkaSettings() {
    String bootstrap = config.find(KAFKA_BOOTSTRAP).orElseThrow(() -> new ConfigException(
        "missing kafka.bootstrap-servers: `source.type: kafka` needs host:port[,host:port...]"));
    String app = config.get(KAFKA_APPLICATION_ID);
    Optional<List<String>> topics = config.find(KAFKA_TOPICS).filter(t -> !t.isEmpty());
    Optional<String> pattern = config.find(KAFKA_TOPIC_PATTERN);
    if (topics.isPresent() == pattern.isPresent()) {
      throw new ConfigException("give exactly one of kafka.topics and kafka.topic-pattern");
    }
    KafkaSourceSettings settings = topics.isPresent()
        ? KafkaSourceSettings.forTopics(bootstrap, app, topics.get())
        : KafkaSourceSettings.forPattern(bootstrap, app, pattern.get());
    return new KafkaSourceSettings(settings.bootstrapServers(), settings.applicationId(), settings.topics(),
        settings.topicPattern(), config.get(KAFKA_STREAM_THREADS), kafkaSecurity(), config.get(KAFKA_START_FROM),
        config.get(KAFKA_TICK), config.get(KAFKA_COMMIT), config.get(KAFKA_SESSION_TIMEOUT),
        config.get(KAFKA_TOPIC_REFRESH), Optional.empty(), config.get(KAFKA_CLIENT_PROPERTIES));
  }

  /** Whether the source is Kinesis ({@code source.type: kinesis}) rather than Kafka. */
  public boolean kinesisSource() {
    return config.get(SOURCE_TYPE).equals("kinesis");
  }

  /** The Kinesis source's settings. */
  public KinesisSourceSettings kinesisSettings() {
    List<String> streams = config.find(KINESIS_STREAMS).filter(s -> !s.isEmpty()).orElseThrow(() ->
        new ConfigException("missing kinesis.streams: `source.type: kinesis` needs at least one stream name"));
    String region = config.find(KINESIS_REGION).or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
        .orElseThrow(() -> new ConfigException("missing kinesis.region: give it, or set AWS_REGION"));
    String application = config.get(KINESIS_APPLICATION);
    KinesisSourceSettings.InitialPosition position = KinesisSourceSettings.InitialPosition.valueOf(
        config.get(KINESIS_INITIAL_POSITION).toUpperCase(Locale.ROOT).replace('-', '_'));
    Optional<Instant> timestamp = config.find(KINESIS_INITIAL_TIMESTAMP).map(text -> {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new ConfigException("kinesis.initial-timestamp: '" + text + "' is not an ISO-8601 instant such as "
            + "2025-11-21T06:00:00Z");
      }
    });
    KinesisSourceSettings.Timings timings = named("kinesis.tick-interval", () -> new KinesisSourceSettings.Timings(
        config.get(KINESIS_SHARD_SYNC), config.get(KINESIS_FAILOVER), config.find(KINESIS_LEASE_ASSIGNMENT_INTERVAL),
        config.get(KINESIS_LEADER_LEASE), config.get(KINESIS_IDLE_BETWEEN_READS), config.get(KINESIS_PARENT_POLL),
        config.get(KINESIS_WORKER_REPORT), config.get(KINESIS_TICK)));
    return named("kinesis.streams", () -> new KinesisSourceSettings(streams, region,
        config.find(KINESIS_ENDPOINT).map(e -> named("kinesis.endpoint", () -> URI.create(e))),
        config.find(KINESIS_DYNAMODB_ENDPOINT).map(e -> named("kinesis.dynamodb-endpoint", () -> URI.create(e))),
        config.find(KINESIS_CLOUDWATCH_ENDPOINT).map(e -> named("kinesis.cloudwatch-endpoint", () -> URI.create(e))),
        application, config.find(KINESIS_LEASE_TABLE).orElse(application), position, timestamp,
        config.get(KINESIS_CONSUMER).equals("polling") ? KinesisSourceSettings.Consumer.POLLING
            : KinesisSourceSettings.Consumer.ENHANCED_FAN_OUT,
        config.get(KINESIS_LEASE_ASSIGNMENT).equals("lease-count") ? KinesisSourceSettings.LeaseAssignment.LEASE_COUNT
            : KinesisSourceSettings.LeaseAssignment.WORKER_UTILIZATION,
        KinesisSourceSettings.KclMetrics.valueOf(config.get(KINESIS_KCL_METRICS).toUpperCase(Locale.ROOT)),
        config.get(KINESIS_MAX_RECORDS), timings));
  }

  private KafkaSecurity kafkaSecurity() {
    String type = config.get(KAFKA_STORE_TYPE).toUpperCase(Locale.ROOT);
    Optional<KafkaSecurity.Store> trust = config.find(KAFKA_TRUSTSTORE)
        .map(path -> new KafkaSecurity.Store(path, config.get(KAFKA_TRUSTSTORE_PASSWORD), type));
    Optional<KafkaSecurity.Store> key = config.find(KAFKA_KEYSTORE)
        .map(path -> new KafkaSecurity.Store(path, config.get(KAFKA_KEYSTORE_PASSWORD), type));
    switch (config.get(KAFKA_SECURITY_MODE)) {
      case "tls":
        return new KafkaSecurity.Tls(trust, key);
      case "sasl-scram":
        return new KafkaSecurity.SaslScram(config.get(KAFKA_SASL_MECHANISM).toUpperCase(Locale.ROOT),
            config.find(KAFKA_USERNAME).orElse(null), config.find(KAFKA_PASSWORD).orElse(null), trust);
      case "msk-iam":
        return new KafkaSecurity.MskIam(config.find(KAFKA_ROLE_ARN));
      default:
        return new KafkaSecurity.Plaintext();
    }
  }

  private static <T> T named(String key, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new ConfigException(message != null && message.contains(key) ? message : key + ": " + message);
    }
  }

  private static String hostName() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "tributary";
    }
  }
}
