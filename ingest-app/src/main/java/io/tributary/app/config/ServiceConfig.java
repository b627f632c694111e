package io.tributary.app.config;

import static io.tributary.app.config.ConfigKeys.*;
import static io.tributary.app.metrics.MetricsKeys.*;
import static io.tributary.config.CoreKeys.*;

import io.tributary.app.metrics.MetricsSettings;
import io.tributary.buffer.RollingPolicy;
import io.tributary.config.ConfigKey;
import io.tributary.config.DatasetKeys;
import io.tributary.decode.DecodeLimits;
import io.tributary.kafka.KafkaKeys;
import io.tributary.kafka.KafkaSecurity;
import io.tributary.kafka.KafkaSourceSettings;
import io.tributary.kinesis.KinesisKeys;
import io.tributary.kinesis.KinesisSourceSettings;
import io.tributary.landing.DatasetLanding;
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

  private final Config config;

  private ServiceConfig(Config config) {
    this.config = config;
  }

  /** Checks everything a start needs; throws one {@link ConfigException} listing every problem. */
  public static ServiceConfig of(Config config) {
    return checked(config, true);
  }

  /**
   * Checks what landing from files needs (landing, store, metrics), not the source: for {@code backfill}, which
   * reads no stream, so a configuration without {@code kafka.bootstrap-servers} will do.
   */
  public static ServiceConfig withoutSource(Config config) {
    return checked(config, false);
  }

  private static ServiceConfig checked(Config config, boolean withSource) {
    ServiceConfig service = new ServiceConfig(config);
    List<String> problems = new ArrayList<>();
    service.check(problems, service::landingSettings);
    service.check(problems, service::storeDescription);
    service.check(problems, service::metricsSettings);
    service.check(problems, service::catalogSettings);
    if (withSource && config.get(SOURCE_TYPE).equals("kafka")) {
      service.check(problems, service::kafkaSettings);
    } else if (withSource) {
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
    String region = region(CLOUDWATCH_REGION).orElse(null);
    if (cloudWatch && region == null) {
      throw missing(CLOUDWATCH_REGION, "give it, or set AWS_REGION");
    }
    Optional<URI> endpoint = uri(CLOUDWATCH_ENDPOINT);
    return named(CLOUDWATCH_NAMESPACE, () -> new MetricsSettings(cloudWatch,
        config.get(CLOUDWATCH_NAMESPACE), config.get(CLOUDWATCH_STEP),
        region == null ? MetricsSettings.FALLBACK_REGION : region, endpoint,
        Set.copyOf(config.get(CLOUDWATCH_DIMENSIONS)), config.get(PROMETHEUS_ENABLED)));
  }

  /** The {@code catalog.*} keys. */
  public CatalogSettings catalogSettings() {
    return CatalogSettings.of(config);
  }

  /** The landing layer's settings. */
  public LandingSettings landingSettings() {
    long budget = config.find(MEMORY_BUDGET).orElse((long) (Runtime.getRuntime().maxMemory() * 0.4));
    Map<String, DatasetLanding> perDataset = new HashMap<>();
    DatasetLanding defaults = datasetSettings(DatasetKeys.DEFAULTS_PREFIX);
    for (String name : config.names(DatasetKeys.DATASETS_PREFIX)) {
      String dataset = DatasetNames.sanitize(name);
      perDataset.put(dataset, datasetSettings(DatasetKeys.DATASETS_PREFIX + name + "."));
    }
    Function<String, DatasetLanding> datasets = dataset -> perDataset.getOrDefault(dataset, defaults);
    RollingPolicy errorRolling = new RollingPolicy(config.get(ERROR_MAX_AGE), RollingPolicy.DEFAULT_MAX_BYTES,
        RollingPolicy.DEFAULT_MAX_RECORDS);
    return new LandingSettings(config.get(LAKE_PREFIX), config.get(LAKE_ERROR_PREFIX), instanceId(),
        new DecodeLimits(Math.toIntExact(config.get(LIMIT_RECORD_BYTES)), config.get(LIMIT_DEPTH)), router(),
        datasets, Granularity.fromConfig(config.get(ERROR_GRANULARITY)), errorRolling,
        WriteOptions.defaults().withCompression(Compression.fromConfig(config.get(PARQUET_COMPRESSION))), budget);
  }

  private DatasetLanding datasetSettings(String prefix) {
    SchemaPolicy policy = SchemaPolicy.fromConfig(value(prefix, DatasetKeys.POLICY));
    List<PathOverride> overrides = new ArrayList<>();
    List<String> timestamps = value(prefix, DatasetKeys.TIMESTAMP_FIELDS);
    for (String path : timestamps) {
      overrides.add(PathOverride.timestamp(path));
    }
    Map<String, String> pinned = value(prefix, DatasetKeys.OVERRIDES);
    pinned.forEach((path, type) -> overrides.add(named(prefix + DatasetKeys.OVERRIDES.name() + "." + path,
        () -> PathOverride.parse(path, type))));
    EvolutionSettings evolution = new EvolutionSettings(policy, value(prefix, DatasetKeys.MAX_COLUMNS), overrides);
    Optional<String> eventTimeField = find(prefix, DatasetKeys.EVENT_TIME_FIELD);
    PartitionSpec partitioning = named(prefix + DatasetKeys.EVENT_TIME_FIELD.name(), () -> PartitionSpec.fromConfig(
        eventTimeField.orElse(null), value(prefix, DatasetKeys.EVENT_TIME_FORMAT).toString().replace('-', '_'),
        value(prefix, DatasetKeys.GRANULARITY),
        value(prefix, DatasetKeys.PARTITION_FIELDS)));
    return new DatasetLanding(evolution, partitioning, new RollingPolicy(value(prefix, DatasetKeys.ROLLING_MAX_AGE),
        value(prefix, DatasetKeys.ROLLING_MAX_BYTES), value(prefix, DatasetKeys.ROLLING_MAX_RECORDS)));
  }

  /** A per-dataset key: the dataset's own value, else the one under dataset-defaults (else the built-in default). */
  private <T> T value(String prefix, ConfigKey<T> key) {
    return config.get(effective(prefix, key));
  }

  private <T> Optional<T> find(String prefix, ConfigKey<T> key) {
    return config.find(effective(prefix, key));
  }

  private <T> ConfigKey<T> effective(String prefix, ConfigKey<T> key) {
    ConfigKey<T> own = key.under(prefix);
    return config.has(own) ? own : DatasetKeys.defaults(key);
  }

  private DatasetRouter router() {
    Optional<String> fallback = config.find(ROUTING_FALLBACK);
    switch (config.get(ROUTING_MODE)) {
      case "field":
        String field = required(ROUTING_FIELD, "`" + ROUTING_MODE.name() + ": field` needs the field path that names "
            + "the dataset");
        return named(ROUTING_FIELD, () -> DatasetRouters.byField(field, fallback.orElse(null)));
      case "template":
        String template = required(ROUTING_TEMPLATE, "`" + ROUTING_MODE.name() + ": template` needs a template such "
            + "as {topic}_{type}");
        return named(ROUTING_TEMPLATE, () -> DatasetRouters.template(template, fallback.orElse(null)));
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
    String bucket = required(S3_BUCKET, "`" + STORE_TYPE.name() + ": s3` needs a bucket");
    String region = region(S3_REGION).orElseThrow(() -> missing(S3_REGION, "give it, or set AWS_REGION"));
    S3StoreSettings settings = named(S3_BUCKET, () -> S3StoreSettings.defaults(bucket, region));
    Optional<String> endpoint = config.find(S3_ENDPOINT);
    if (endpoint.isPresent() || config.get(S3_PATH_STYLE)) {
      URI uri = uri(S3_ENDPOINT).orElse(null);
      settings = named(S3_ENDPOINT, () -> S3StoreSettings.defaults(bucket, region)
          .withEndpoint(uri, config.get(S3_PATH_STYLE)));
    }
    return settings;
  }

  /** The Kafka source's settings. */
  public KafkaSourceSettings kafkaSettings() {
    String bootstrap = required(KafkaKeys.BOOTSTRAP, "`" + SOURCE_TYPE.name() + ": kafka` needs "
        + "host:port[,host:port...]");
    String app = config.get(KafkaKeys.APPLICATION_ID);
    Optional<List<String>> topics = config.find(KafkaKeys.TOPICS).filter(t -> !t.isEmpty());
    Optional<String> pattern = config.find(KafkaKeys.TOPIC_PATTERN);
    if (topics.isPresent() == pattern.isPresent()) {
      throw new ConfigException("give exactly one of " + KafkaKeys.TOPICS.name() + " and "
          + KafkaKeys.TOPIC_PATTERN.name());
    }
    KafkaSourceSettings settings = topics.isPresent()
        ? KafkaSourceSettings.forTopics(bootstrap, app, topics.get())
        : KafkaSourceSettings.forPattern(bootstrap, app, pattern.get());
    return new KafkaSourceSettings(settings.bootstrapServers(), settings.applicationId(), settings.topics(),
        settings.topicPattern(), config.get(KafkaKeys.STREAM_THREADS), kafkaSecurity(),
        config.get(KafkaKeys.START_FROM), config.get(KafkaKeys.TICK), config.get(KafkaKeys.COMMIT),
        config.get(KafkaKeys.SESSION_TIMEOUT),
        config.get(KafkaKeys.TOPIC_REFRESH), Optional.empty(), config.get(KafkaKeys.CLIENT_PROPERTIES));
  }

  /** Whether the source is Kinesis ({@code source.type: kinesis}) rather than Kafka. */
  public boolean kinesisSource() {
    return config.get(SOURCE_TYPE).equals("kinesis");
  }

  /** The Kinesis source's settings. */
  public KinesisSourceSettings kinesisSettings() {
    List<String> streams = config.find(KinesisKeys.STREAMS).filter(s -> !s.isEmpty()).orElseThrow(() ->
        missing(KinesisKeys.STREAMS, "`" + SOURCE_TYPE.name() + ": kinesis` needs at least one stream name"));
    String region = region(KinesisKeys.REGION).orElseThrow(() -> missing(KinesisKeys.REGION,
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
        uri(KinesisKeys.ENDPOINT), uri(KinesisKeys.DYNAMODB_ENDPOINT), uri(KinesisKeys.CLOUDWATCH_ENDPOINT),
        application, config.find(KinesisKeys.LEASE_TABLE).orElse(application), position, timestamp,
        KinesisSourceSettings.word(KinesisSourceSettings.Consumer.class, config.get(KinesisKeys.CONSUMER)),
        KinesisSourceSettings.word(KinesisSourceSettings.LeaseAssignment.class,
            config.get(KinesisKeys.LEASE_ASSIGNMENT)),
        KinesisSourceSettings.word(KinesisSourceSettings.KclMetrics.class, config.get(KinesisKeys.KCL_METRICS)),
        config.get(KinesisKeys.MAX_RECORDS), timings));
  }

  private KafkaSecurity kafkaSecurity() {
    String type = config.get(KafkaKeys.STORE_TYPE).toUpperCase(Locale.ROOT);
    Optional<KafkaSecurity.Store> trust = config.find(KafkaKeys.TRUSTSTORE)
        .map(path -> new KafkaSecurity.Store(path, config.get(KafkaKeys.TRUSTSTORE_PASSWORD), type));
    Optional<KafkaSecurity.Store> key = config.find(KafkaKeys.KEYSTORE)
        .map(path -> new KafkaSecurity.Store(path, config.get(KafkaKeys.KEYSTORE_PASSWORD), type));
    switch (config.get(KafkaKeys.SECURITY_MODE)) {
      case "tls":
        return new KafkaSecurity.Tls(trust, key);
      case "sasl-scram":
        return new KafkaSecurity.SaslScram(config.get(KafkaKeys.SASL_MECHANISM).toUpperCase(Locale.ROOT),
            config.find(KafkaKeys.USERNAME).orElse(null), config.find(KafkaKeys.PASSWORD).orElse(null), trust);
      case "msk-iam":
        return new KafkaSecurity.MskIam(config.find(KafkaKeys.ROLE_ARN));
      default:
        return new KafkaSecurity.Plaintext();
    }
  }

  private String required(ConfigKey<String> key, String why) {
    return config.find(key).orElseThrow(() -> missing(key, why));
  }

  private static ConfigException missing(ConfigKey<?> key, String why) {
    String region = System.getenv("AWS_REGION");
    boolean emptyRegion = why.contains("AWS_REGION") && region != null && region.isBlank();
    return new ConfigException("missing " + key.name() + ": " + why + (emptyRegion ? " (AWS_REGION is set but empty)"
        : ""));
  }

  /** A region key's value, else the environment's {@code AWS_REGION}. */
  private Optional<String> region(ConfigKey<String> key) {
    return config.find(key).or(() -> Optional.ofNullable(System.getenv("AWS_REGION")).filter(r -> !r.isBlank()));
  }

  private Optional<URI> uri(ConfigKey<String> key) {
    return config.find(key).map(text -> named(key, () -> URI.create(text)));
  }

  private static <T> T named(ConfigKey<?> key, Supplier<T> build) {
    return named(key.name(), build);
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
