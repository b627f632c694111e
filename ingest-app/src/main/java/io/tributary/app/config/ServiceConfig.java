package io.tributary.app.config;

import static io.tributary.app.config.ConfigKeys.*;

import io.tributary.app.metrics.MetricsSettings;
import io.tributary.firehose.FirehoseSettings;
import io.tributary.kafka.KafkaSourceSettings;
import io.tributary.kinesis.KinesisSourceSettings;
import io.tributary.landing.LandingSettings;
import io.tributary.store.ObjectStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The service's settings built from a {@link Config}: the landing layer's, the store's, the catalog's and the
 * source's. Each concern is built by its own class ({@link LandingConfig}, {@link StoreConfig}, {@link KafkaConfig},
 * {@link KinesisConfig}, {@link MetricsConfig}, {@link CatalogSettings}); rules that span keys (a Kafka source needs
 * its brokers, S3 needs a bucket) are checked there, each naming its key, and {@link #of} reports every problem at
 * once.
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
    check(problems, service::landingSettings);
    check(problems, service::storeDescription);
    check(problems, service::metricsSettings);
    check(problems, service::catalogSettings);
    check(problems, service::firehoseSettings);
    check(problems, service::iceberg);
    if (withSource && config.get(SOURCE_TYPE).equals("kafka")) {
      check(problems, service::kafkaSettings);
    } else if (withSource) {
      check(problems, service::kinesisSettings);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.stream().map(p -> config.origin() + ": " + p).toList());
    }
    return service;
  }

  private static void check(List<String> problems, Supplier<?> build) {
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
    return MetricsConfig.settings(config);
  }

  /** The {@code catalog.*} keys. */
  public CatalogSettings catalogSettings() {
    return CatalogSettings.of(config);
  }

  /** The {@code firehose.*} keys, or empty when no dataset's sink is Firehose. */
  public Optional<FirehoseSettings> firehoseSettings() {
    return FirehoseConfig.settings(config);
  }

  /**
   * Refuses {@code sink: firehose} while the landing cannot hand rows to Firehose yet (firehose-sink is built, its
   * connection to the landing's per-dataset seam is not): such a dataset would otherwise land in the lake silently.
   */
  public void requireLakeSinks() {
    if (firehoseSettings().isPresent()) {
      throw new ConfigException("sink: `firehose` (dataset-defaults.sink or datasets.<name>.sink) is not connected "
          + "to the landing in this build yet: use `sink: lake`");
    }
  }

  /** How Iceberg datasets land ({@code table-format: iceberg}); empty when every dataset is Hive. */
  public Optional<IcebergWiring> iceberg() {
    return IcebergConfig.of(config, landingSettings());
  }

  /** The landing layer's settings. */
  public LandingSettings landingSettings() {
    return LandingConfig.settings(config, instanceId());
  }

  /** Opens the configured object store. */
  public ObjectStore openStore() {
    return StoreConfig.open(config);
  }

  /** A line saying where the lake is, for logs and the CLI. */
  public String storeDescription() {
    return StoreConfig.description(config);
  }

  /** The folder of the lake when it is local. */
  public Optional<Path> localLake() {
    return StoreConfig.localLake(config);
  }

  /** The Kafka source's settings. */
  public KafkaSourceSettings kafkaSettings() {
    return KafkaConfig.settings(config);
  }

  /** Whether the source is Kinesis ({@code source.type: kinesis}) rather than Kafka. */
  public boolean kinesisSource() {
    return config.get(SOURCE_TYPE).equals("kinesis");
  }

  /** The Kinesis source's settings. */
  public KinesisSourceSettings kinesisSettings() {
    return KinesisConfig.settings(config);
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
