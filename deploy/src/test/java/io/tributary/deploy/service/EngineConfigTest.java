package io.tributary.deploy.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.app.catalog.LakeLayouts;
import io.tributary.app.config.CatalogSettings;
import io.tributary.app.config.Config;
import io.tributary.app.config.ConfigKeys;
import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.catalog.CatalogLayout;
import io.tributary.config.DatasetKeys;
import io.tributary.deploy.Templates;
import io.tributary.deploy.monitoring.EngineMetrics;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.kafka.KafkaKeys;
import io.tributary.partition.Granularity;
import io.tributary.schema.SchemaPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards that the configuration the stack puts in SSM is one the engine accepts, read by the engine's own loader
 * with the container's environment, and says what the stack assumes: the bucket, the prefixes the task role
 * allows, the namespace and dimensions the alarms watch, a drain inside the stop timeout, the consumer group the
 * MSK permissions name.
 */
class EngineConfigTest {

  private static final Map<String, String> CONTAINER_ENV = Map.of(
      EngineConfig.BUCKET_VARIABLE, "orders-prod-lake", "AWS_REGION", "eu-west-1",
      EngineConfig.BOOTSTRAP_VARIABLE, "b-1.events.example:9098");

  @Test
  void theKafkaConfigurationLoadsInTheEngineAndMatchesTheStack() {
    DeploySettings settings = Templates.settings("msk", json -> { });
    ServiceConfig service = ServiceConfig.of(load(EngineConfig.yaml(settings)));

    assertThat(service.storeDescription()).contains("orders-prod-lake");
    assertThat(service.landingSettings().prefix()).isEqualTo("events");
    assertThat(service.landingSettings().errorPrefix()).isEqualTo("events-errors");
    assertThat(service.metricsSettings().cloudWatchEnabled()).isTrue();
    assertThat(service.metricsSettings().namespace()).isEqualTo("Tributary/orders-prod");
    assertThat(service.metricsSettings().dimensions()).containsExactlyInAnyOrderElementsOf(EngineMetrics.DIMENSIONS);
    assertThat(service.metricsSettings().region()).isEqualTo("eu-west-1");
    assertThat(service.shutdownDeadline()).isEqualTo(Duration.ofSeconds(50));
    assertThat(service.httpPort()).isEqualTo(EngineConfig.HTTP_PORT);
    assertThat(service.kafkaSettings().applicationId()).isEqualTo("orders-prod");
    assertThat(service.kafkaSettings().topics()).containsExactly("orders", "payments", "users");
    assertThat(service.kafkaSettings().bootstrapServers()).isEqualTo("b-1.events.example:9098");
    assertThat(service.config().names("datasets.")).containsExactlyInAnyOrder("orders", "payments", "users");
    assertThat(service.landingSettings().datasets().apply("users").rolling().maxAge()).isEqualTo(Duration.ofHours(1));
    assertThat(service.landingSettings().datasets().apply("users").partitioning().granularity())
        .isEqualTo(Granularity.DAY);
    assertThat(service.landingSettings().datasets().apply("payments").evolution().policy())
        .isEqualTo(SchemaPolicy.STRICT);
    assertThat(service.landingSettings().datasets().apply("orders").partitioning().eventTimeField())
        .isEqualTo("occurred_at");
  }

  @Test
  void theFileIsWrittenThroughTheKeyDeclarationsInTheEnginesOwnForm() {
    String yaml = EngineConfig.yaml(Templates.settings("msk", json -> { }));

    assertThat(yaml).contains("rolling:\n      max-age: 5m", "deadline: 50s", "step: 1m", "mode: msk-iam");
    Config config = load(yaml);
    assertThat(config.get(DatasetKeys.of("orders", DatasetKeys.ROLLING_MAX_AGE))).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.get(KafkaKeys.STREAM_THREADS)).isEqualTo(2);
  }

  @Test
  void aDatasetWithoutARollingAgeGetsTheEnginesDefault() {
    DeploySettings settings = Templates.settings("kinesis", json -> { });

    assertThat(settings.datasets().get(0).rollingMaxAge()).isEqualTo(DatasetKeys.ROLLING_MAX_AGE.byDefault());
  }

  @Test
  void theEngineKeepsTheTablesOfTheStacksDatabase() {
    DeploySettings settings = Templates.settings("msk", json -> { });
    ServiceConfig service = ServiceConfig.of(load(EngineConfig.yaml(settings)));
    assertThat(service.catalogSettings()).isEqualTo(
        new CatalogSettings(true, settings.databaseName(), "eu-west-1", null, ""));
    assertThat(settings.databaseName()).isEqualTo("orders_prod_lake");
    CatalogLayout layout = LakeLayouts.of(service);
    assertThat(layout.dataRoot()).isEqualTo("s3://orders-prod-lake/events/");
    assertThat(layout.errorsRoot()).isEqualTo("s3://orders-prod-lake/events-errors/");
    assertThat(layout.partitioning().apply("payments").keyNames())
        .containsExactly("year", "month", "day", "hour", "region");
  }

  @Test
  void theKinesisConfigurationLoadsOnceTheEngineHasAKinesisSource() {
    // The Kinesis source is built in parallel; until its keys exist, this test has nothing to check.
    assumeTrue(ConfigKeys.all().stream().anyMatch(k -> k.name().equals("kinesis.streams")),
        "the engine has no kinesis.* keys yet");
    DeploySettings settings = Templates.settings("kinesis", json -> { });
    Config config = load(EngineConfig.yaml(settings));
    ServiceConfig.of(config);
    assertThat(config.names("kinesis.")).contains("streams", "application-name");
  }

  private static Config load(String yaml) {
    return new ConfigLoader(ConfigKeys.all(), CONTAINER_ENV).parse(yaml, "the SSM parameter");
  }
}
