package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.config.CoreKeys;
import io.tributary.config.DatasetKeys;
import io.tributary.kafka.KafkaKeys;
import io.tributary.kafka.KafkaSecurity;
import io.tributary.kafka.KafkaSourceSettings;
import io.tributary.landing.DatasetLanding;
import io.tributary.landing.LandingSettings;
import io.tributary.schema.SchemaPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The configuration contract: unknown keys and bad values stop the start naming the key, what is allowed and the
 * likely intent; the environment fills {@code ${NAME:-default}}; every example in examples/ is valid.
 */
class ConfigLoaderTest {

  private static final Map<String, String> ENV = Map.of("BROKERS", "b1:9092,b2:9092", "HOME", "/home/x");

  private static Config parse(String yaml) {
    return new ConfigLoader(ConfigKeys.all(), ENV).parse(yaml, "test.yaml");
  }

  @Test
  void aMistypedKeyIsNamedWithTheKeyItProbablyMeant() {
    assertThatThrownBy(() -> parse("kafka:\n  bootstrap-server: a:1\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("test.yaml: unknown key 'kafka.bootstrap-server'")
        .hasMessageContaining("did you mean 'kafka.bootstrap-servers'?");
    assertThatThrownBy(() -> parse("datasets:\n  orders:\n    rolling:\n      max-aeg: 1h\n"))
        .hasMessageContaining("unknown key 'datasets.orders.rolling.max-aeg'")
        .hasMessageContaining("did you mean 'datasets.orders.rolling.max-age'?");
    assertThatThrownBy(() -> parse("nothing-like-it: 1\n")).hasMessageContaining("unknown key 'nothing-like-it'")
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void aBadValueIsNamedWithWhatIsAllowed() {
    assertThatThrownBy(() -> parse("kafka:\n  start-from: newest\n"))
        .hasMessageContaining("kafka.start-from: 'newest' is not allowed: one of earliest, latest");
    assertThatThrownBy(() -> parse("kafka:\n  stream-threads: 0\n"))
        .hasMessageContaining("kafka.stream-threads: 0 is out of range: from 1 to 64");
    assertThatThrownBy(() -> parse("dataset-defaults:\n  rolling:\n    max-age: 5 minutes\n"))
        .hasMessageContaining("dataset-defaults.rolling.max-age: '5 minutes' is not a duration");
    assertThatThrownBy(() -> parse("store:\n  type: s4\n"))
        .hasMessageContaining("store.type: 's4' is not allowed: one of local, s3 (did you mean 's3'?)");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> parse("kafka:\n  start-from: newest\n  stream-threads: 99\nstroe:\n  type: s3\n"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3))
        .hasMessageContaining("kafka.start-from").hasMessageContaining("kafka.stream-threads")
        .hasMessageContaining("unknown key 'stroe.type'");
  }

  @Test
  void theEnvironmentFillsValuesWithDefaultsWhereItIsSilent() {
    Config config = parse("kafka:\n  bootstrap-servers: ${BROKERS}\n  application-id: ${APP:-fallback-app}\n"
        + "store:\n  path: ${HOME}/lake\n");
    assertThat(config.get(KafkaKeys.BOOTSTRAP)).isEqualTo("b1:9092,b2:9092");
    assertThat(config.get(KafkaKeys.APPLICATION_ID)).isEqualTo("fallback-app");
    assertThat(config.get(CoreKeys.STORE_PATH)).isEqualTo("/home/x/lake");
    assertThatThrownBy(() -> parse("kafka:\n  bootstrap-servers: ${MISSING_VAR}\n"))
        .hasMessageContaining("kafka.bootstrap-servers: the environment variable MISSING_VAR is not set");
  }

  @Test
  void valuesAreTypedAndDefaultsApply() {
    Config config = parse("dataset-defaults:\n  rolling:\n    max-age: 90s\n    max-bytes: 64MiB\n"
        + "kafka:\n  topics: [a, b]\n  client-properties:\n    consumer.max.poll.records: 250\n");
    assertThat(config.get(DatasetKeys.defaults(DatasetKeys.ROLLING_MAX_AGE)))
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(config.get(DatasetKeys.defaults(DatasetKeys.ROLLING_MAX_BYTES)))
        .isEqualTo(64L << 20);
    assertThat(config.get(KafkaKeys.TOPICS)).containsExactly("a", "b");
    assertThat(config.get(KafkaKeys.CLIENT_PROPERTIES)).containsEntry("consumer.max.poll.records", "250");
    assertThat(config.get(KafkaKeys.SESSION_TIMEOUT)).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void rulesAcrossKeysNameTheKeyThatIsMissing() {
    assertThatThrownBy(() -> ServiceConfig.of(parse("kafka:\n  topics: [a]\n")))
        .hasMessageContaining("missing kafka.bootstrap-servers");
    assertThatThrownBy(() -> ServiceConfig.of(parse("kafka:\n  bootstrap-servers: a:1\n")))
        .hasMessageContaining("exactly one of kafka.topics and kafka.topic-pattern");
    assertThatThrownBy(() -> ServiceConfig.of(parse("kafka:\n  bootstrap-servers: a:1\n  topics: [a]\n"
        + "store:\n  type: s3\n  s3:\n    region: eu-west-1\n"))).hasMessageContaining("missing store.s3.bucket");
    assertThatThrownBy(() -> ServiceConfig.of(parse("kafka:\n  bootstrap-servers: a:1\n  topics: [a]\n"
        + "  client-properties:\n    consumer.group.id: other\n")))
        .hasMessageContaining("'consumer.group.id' in kafka.client-properties");
    assertThatThrownBy(() -> ServiceConfig.of(parse("kafka:\n  bootstrap-servers: a:1\n  topics: [a]\n"
        + "  security:\n    mode: sasl-scram\n    username: u\n")))
        .hasMessageContaining("kafka.security.password");
  }

  @Test
  void perDatasetKeysOverrideTheDefaultsForThatDatasetOnly() {
    ServiceConfig service = ServiceConfig.of(parse("kafka:\n  bootstrap-servers: a:1\n  topics: [a]\n"
        + "dataset-defaults:\n  rolling:\n    max-age: 10m\ndatasets:\n  payments:\n    policy: strict\n"
        + "    rolling:\n      max-age: 1h\n"));
    LandingSettings landing = service.landingSettings();
    assertThat(landing.datasets().apply("payments").evolution().policy()).isEqualTo(SchemaPolicy.STRICT);
    assertThat(landing.datasets().apply("payments").rolling().maxAge()).isEqualTo(Duration.ofHours(1));
    assertThat(landing.datasets().apply("orders").evolution().policy()).isEqualTo(SchemaPolicy.EVOLVE);
    assertThat(landing.datasets().apply("orders").rolling().maxAge()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aDatasetInheritsTheDefaultsItDoesNotOverride() {
    // Found by the hostile corpus (HostileCorpusTest): a strict dataset fell back to the built-in defaults (5 min
    // rolls, no event-time field, no partition fields) instead of dataset-defaults.
    ServiceConfig service = ServiceConfig.of(parse("kafka:\n  bootstrap-servers: a:1\n  topics: [a]\n"
        + "dataset-defaults:\n  event-time-field: ts\n  partition-fields: [region]\n  max-columns: 50\n"
        + "  rolling:\n    max-age: 1s\ndatasets:\n  payments:\n    policy: strict\n"));
    DatasetLanding payments = service.landingSettings().datasets().apply("payments");
    assertThat(payments.evolution().policy()).isEqualTo(SchemaPolicy.STRICT);
    assertThat(payments.evolution().maxColumns()).isEqualTo(50);
    assertThat(payments.rolling().maxAge()).isEqualTo(Duration.ofSeconds(1));
    assertThat(payments.partitioning().eventTimeField()).isEqualTo("ts");
    assertThat(payments.partitioning().extraFieldKeys()).containsExactly("region");
  }

  @Test
  void everyExampleIsValid() throws Exception {
    Map<String, String> env = Map.of("MSK_BOOTSTRAP_SERVERS", "b-1.msk:9098", "LAKE_BUCKET", "my-lake",
        "AWS_REGION", "eu-west-1", "TABLE_BUCKET_ARN", "arn:aws:s3tables:eu-west-1:111122223333:bucket/lake");
    List<Path> examples;
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
    for (Path example : examples) {
      ServiceConfig service = ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), env).load(example));
      if (service.kinesisSource()) {
        assertThat(service.kinesisSettings().streams()).as(example.toString()).isNotEmpty();
        continue;
      }
      KafkaSourceSettings kafka = service.kafkaSettings();
      assertThat(kafka.bootstrapServers()).as(example.toString()).isNotBlank();
    }
    ServiceConfig msk = ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), env).load(Path.of("..", "examples",
        "msk-s3.yaml")));
    assertThat(msk.kafkaSettings().security()).isInstanceOf(KafkaSecurity.MskIam.class);
    assertThat(msk.storeDescription()).isEqualTo("s3://my-lake/events");
    ServiceConfig s3Tables = ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), env).load(Path.of("..", "examples",
        "iceberg-s3-tables.yaml")));
    assertThat(s3Tables.iceberg().orElseThrow().catalog().properties())
        .containsEntry("rest.signing-name", "s3tables")
        .containsEntry("warehouse", "arn:aws:s3tables:eu-west-1:111122223333:bucket/lake");
    ServiceConfig local = ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), env).load(Path.of("..", "examples",
        "iceberg-local.yaml")));
    assertThat(local.iceberg().orElseThrow().catalog().description()).isEqualTo("jdbc:sqlite:./lake/catalog.db");
  }
}
