package io.tributary.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * Guards the Kafka source settings: every invalid value is refused with a message that names its configuration
 * key, and the Kafka Streams properties always carry what the exactly-once argument depends on (at-least-once
 * processing under the commit gate, the classic group protocol, byte-array serdes) whatever the client properties
 * say, with the security mode's properties applied.
 */
class KafkaSourceSettingsTest {

  private static final String SERVERS = "broker-1:9092,broker-2:9092";
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  private static KafkaSourceSettings valid() {
    return KafkaSourceSettings.forTopics(SERVERS, "tributary-orders", List.of("orders"));
  }

  @Test
  void theDefaultsAreValid() {
    KafkaSourceSettings byName = KafkaSourceSettings.forTopics("localhost:9092", "app", List.of("orders", "users"));
    KafkaSourceSettings byPattern = KafkaSourceSettings.forPattern(" a:1 , b.example.com:65535", "app", "orders-.*");

    assertThat(byName.topics()).containsExactly("orders", "users");
    assertThat(byName.topicPattern()).isEmpty();
    assertThat(byPattern.topics()).isEmpty();
    assertThat(byPattern.topicPattern().map(Pattern::pattern)).contains("orders-.*");
  }

  @Test
  void bootstrapServersMustBeHostPortPairs() {
    for (String servers : new String[] {null, "", "  "}) {
      assertThatThrownBy(() -> KafkaSourceSettings.forTopics(servers, "app", List.of("orders")))
          .as("'%s'", servers).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kafka.bootstrap-servers");
    }
    for (String servers : new String[] {"localhost", "localhost:", ":9092", "localhost:abc", "localhost:123456", "a:99999", "a:9092,",
        "a:9092,,b:9092", "a:9092,b", "my host:9092"}) {
      assertThatThrownBy(() -> KafkaSourceSettings.forTopics(servers, "app", List.of("orders")))
          .as("'%s'", servers).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kafka.bootstrap-servers").hasMessageContaining("host:port");
    }
  }

  @Test
  void theApplicationIdIsOneTo200SafeCharacters() {
    for (String id : new String[] {null, "", "has space", "slash/id", "ümlaut", "x".repeat(201)}) {
      assertThatThrownBy(() -> KafkaSourceSettings.forTopics(SERVERS, id, List.of("orders")))
          .as("'%s'", id).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kafka.application-id");
    }
    assertThatCode(() -> KafkaSourceSettings.forTopics(SERVERS, "A-z_0.9" + "x".repeat(193), List.of("orders")))
        .doesNotThrowAnyException();
  }

  @Test
  void exactlyOneOfTopicsAndTopicPattern() {
    KafkaSourceSettings d = valid();
    assertThatThrownBy(() -> new KafkaSourceSettings(SERVERS, "app", List.of(), Optional.empty(), 1, d.security(),
        "earliest", ONE_SECOND, ONE_SECOND, ONE_SECOND, ONE_SECOND, Optional.empty(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one of kafka.topics and kafka.topic-pattern");
    assertThatThrownBy(() -> new KafkaSourceSettings(SERVERS, "app", List.of("orders"),
        Optional.of(Pattern.compile("orders-.*")), 1, d.security(), "earliest", ONE_SECOND, ONE_SECOND,
        ONE_SECOND, ONE_SECOND, Optional.empty(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one of kafka.topics and kafka.topic-pattern");
  }

  @Test
  void topicNamesAreOneTo249LegalCharacters() {
    for (String topic : new String[] {"", "has space", "orders/eu", "orders*", "x".repeat(250)}) {
      assertThatThrownBy(() -> KafkaSourceSettings.forTopics(SERVERS, "app", List.of("orders", topic)))
          .as("'%s'", topic).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kafka.topics").hasMessageContaining("'" + topic + "'");
    }
    assertThatCode(() -> KafkaSourceSettings.forTopics(SERVERS, "app", List.of("Orders.v1_eu-2", "x".repeat(249))))
        .doesNotThrowAnyException();
  }

  @Test
  void aMissingTopicNamesKafkaTopics() {
    assertThatThrownBy(() -> KafkaSourceSettings.forTopics(SERVERS, "app", Arrays.asList("orders", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.topics");
  }

  @Test
  void anInvalidTopicPatternNamesKafkaTopicPattern() {
    assertThatThrownBy(() -> KafkaSourceSettings.forPattern(SERVERS, "app", "orders-("))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka.topic-pattern").hasMessageContaining("'orders-('");
  }

  @Test
  void streamThreadsAreOneTo64() {
    for (int threads : new int[] {-1, 0, 65}) {
      assertThatThrownBy(() -> valid().withStreamThreads(threads))
          .as("%d", threads).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kafka.stream-threads").hasMessageContaining("1 to 64");
    }
    assertThat(valid().withStreamThreads(1).streamThreads()).isEqualTo(1);
    assertThat(valid().withStreamThreads(64).streamThreads()).isEqualTo(64);
  }

  @Test
  void startFromIsEarliestOrLatest() {
    for (String startFrom : new String[] {null, "", "EARLIEST", "none", "middle"}) {
      assertThatThrownBy(() -> withStartFrom(startFrom))
          .as("'%s'", startFrom).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kafka.start-from").hasMessageContaining("earliest, latest");
    }
    assertThat(withStartFrom("latest").startFrom()).isEqualTo("latest");
  }

  @Test
  void everyDurationMustBePositive() {
    Map<String, Function<Duration, KafkaSourceSettings>> byKey = Map.of(
        "kafka.tick-interval", d -> valid().withTimings(d, ONE_SECOND, ONE_SECOND, ONE_SECOND),
        "kafka.commit-interval", d -> valid().withTimings(ONE_SECOND, d, ONE_SECOND, ONE_SECOND),
        "kafka.session-timeout", d -> valid().withTimings(ONE_SECOND, ONE_SECOND, d, ONE_SECOND),
        "kafka.topic-refresh-interval", d -> valid().withTimings(ONE_SECOND, ONE_SECOND, ONE_SECOND, d));
    byKey.forEach((key, with) -> {
      for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-1)}) {
        assertThatThrownBy(() -> with.apply(bad))
            .as("%s %s", key, bad).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("Invalid " + key + " ").hasMessageContaining("positive duration");
      }
      assertThatCode(() -> with.apply(Duration.ofMillis(1))).as(key).doesNotThrowAnyException();
    });
  }

  @Test
  void clientPropertiesMayNotSetWhatTheSourceDecides() {
    KafkaSourceSettings.RESERVED.forEach((key, decidedBy) ->
        assertThatThrownBy(() -> valid().withClientProperties(Map.of(key, "x")))
            .as(key).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'" + key + "'").hasMessageContaining("kafka.client-properties")
            .hasMessageEndingWith(decidedBy));
    assertThat(KafkaSourceSettings.RESERVED).containsKeys("processing.guarantee", "group.protocol",
        "default.key.serde", "default.value.serde", "default.client.supplier", "enable.auto.commit", "group.id",
        "auto.offset.reset", "security.protocol", "session.timeout.ms", "metadata.max.age.ms");
    assertThat(KafkaSourceSettings.RESERVED).containsEntry("auto.offset.reset", "kafka.start-from")
        .containsEntry("session.timeout.ms", "kafka.session-timeout");
  }

  @Test
  void clientPropertiesMayNotSetAnySslOrSaslProperty() {
    for (String key : new String[] {"ssl.truststore.location", "ssl.endpoint.identification.algorithm",
        "sasl.login.class", "sasl.client.callback.handler.class", "sasl.kerberos.service.name"}) {
      assertThatThrownBy(() -> valid().withClientProperties(Map.of(key, "x")))
          .as(key).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + key + "'").hasMessageContaining("kafka.client-properties")
          .hasMessageEndingWith("kafka.security.*");
    }
  }

  @Test
  void otherClientPropertiesAreTaken() {
    Map<String, String> tuning = Map.of("max.poll.records", "250", "consumer.fetch.max.bytes", "1048576",
        "compression.type", "zstd");

    assertThat(valid().withClientProperties(tuning).clientProperties()).isEqualTo(tuning);
  }

  @Test
  void prefixedClientPropertiesMayNotOverrideWhatTheSourceDecides() {
    for (String key : new String[] {"main.consumer.auto.offset.reset", "consumer.security.protocol",
        "consumer.sasl.jaas.config", "producer.ssl.truststore.location"}) {
      assertThatThrownBy(() -> valid().withClientProperties(Map.of(key, "x")))
          .as(key).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.client-properties");
    }
  }

  @Test
  void streamsPropertiesForceWhatTheGateDependsOn() {
    KafkaSourceSettings settings = valid().withStreamThreads(3)
        .withTimings(Duration.ofMillis(500), Duration.ofSeconds(7), Duration.ofSeconds(20), Duration.ofMinutes(2))
        .withClientProperties(Map.of("max.poll.records", "250"));

    Properties props = settings.streamsProperties("tributary-orders-1", Path.of("/var/tmp/streams"), 1_000);

    assertThat(props).containsEntry("processing.guarantee", "at_least_once")
        .containsEntry("group.protocol", "classic")
        .containsEntry("default.key.serde", "org.apache.kafka.common.serialization.Serdes$ByteArraySerde")
        .containsEntry("default.value.serde", "org.apache.kafka.common.serialization.Serdes$ByteArraySerde")
        .containsEntry("application.id", "tributary-orders")
        .containsEntry("client.id", "tributary-orders-1")
        .containsEntry("bootstrap.servers", SERVERS)
        .containsEntry("num.stream.threads", 3)
        .containsEntry("commit.interval.ms", 7_000L)
        .containsEntry("state.dir", Path.of("/var/tmp/streams").toString())
        .containsEntry("consumer.auto.offset.reset", "earliest")
        .containsEntry("consumer.session.timeout.ms", 20_000)
        .containsEntry("metadata.max.age.ms", 120_000L)
        .containsEntry("max.poll.records", "250")
        .containsEntry("security.protocol", "PLAINTEXT");

    // Kafka Streams reads them as meant: the keys and types are its own.
    StreamsConfig streams = new StreamsConfig(props);
    assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
    assertThat(streams.getString(StreamsConfig.GROUP_PROTOCOL_CONFIG)).isEqualTo("classic");
    assertThat(streams.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(3);
    assertThat(streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(7_000L);
    assertThat(streams.defaultKeySerde().getClass().getName())
        .isEqualTo("org.apache.kafka.common.serialization.Serdes$ByteArraySerde");
    assertThat(streams.defaultValueSerde().getClass().getName())
        .isEqualTo("org.apache.kafka.common.serialization.Serdes$ByteArraySerde");
    Map<String, Object> consumer = streams.getMainConsumerConfigs("tributary-orders", "tributary-orders-1", 0);
    assertThat(consumer).containsEntry("auto.offset.reset", "earliest").containsEntry("session.timeout.ms", 20_000)
        .containsEntry("max.poll.records", "250").containsEntry("group.id", "tributary-orders");
  }

  @Test
  void streamsPropertiesQueueDeeperAndFetchMoreThanKafkasDefaultsUnlessTheUserSaysOtherwise() {
    Properties ours = valid().streamsProperties("c", Path.of("/tmp/state"), 7_500);
    StreamsConfig streams = new StreamsConfig(ours);
    Map<String, Object> consumer = streams.getMainConsumerConfigs("tributary-orders", "c", 0);
    assertThat(ours).containsEntry("buffered.records.per.partition", 7_500).containsEntry("max.task.idle.ms", -1L);
    assertThat(consumer).containsEntry("max.poll.records", 10_000)
        .containsEntry("max.partition.fetch.bytes", 4 * 1024 * 1024);

    Properties theirs = valid().withClientProperties(Map.of("buffered.records.per.partition", "500",
        "consumer.max.poll.records", "100", "max.partition.fetch.bytes", "1048576"))
        .streamsProperties("c", Path.of("/tmp/state"), 7_500);
    Map<String, Object> overridden = new StreamsConfig(theirs).getMainConsumerConfigs("tributary-orders", "c", 0);
    assertThat(theirs).containsEntry("buffered.records.per.partition", "500");
    assertThat(overridden).containsEntry("max.poll.records", "100")
        .containsEntry("max.partition.fetch.bytes", "1048576");
  }

  @Test
  void streamsPropertiesCarryTheSecurityMode() {
    KafkaSecurity security = new KafkaSecurity.SaslScram("SCRAM-SHA-256", "ingest", "s3cret",
        Optional.of(new KafkaSecurity.Store("/etc/trust.p12", "tpw", "PKCS12")));

    Properties props = valid().withSecurity(security).streamsProperties("c", Path.of("/tmp/state"), 1_000);

    security.clientProperties().forEach((key, value) -> assertThat(props).containsEntry(key, value));
    Map<String, Object> consumer = new StreamsConfig(props).getMainConsumerConfigs("tributary-orders", "c", 0);
    assertThat(consumer).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism",
        "SCRAM-SHA-256").containsEntry("ssl.truststore.location", "/etc/trust.p12");
  }

  @Test
  void streamsPropertiesOfMskIamNameItsLoginModuleAndCallbackHandler() {
    Properties props = valid().withSecurity(new KafkaSecurity.MskIam(Optional.empty()))
        .streamsProperties("c", Path.of("/tmp/state"), 1_000);

    assertThat(props).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "AWS_MSK_IAM")
        .containsEntry("sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
    assertThat((String) props.get("sasl.jaas.config")).startsWith("software.amazon.msk.auth.iam.IAMLoginModule ");
  }

  private static KafkaSourceSettings withStartFrom(String startFrom) {
    KafkaSourceSettings d = valid();
    return new KafkaSourceSettings(d.bootstrapServers(), d.applicationId(), d.topics(), d.topicPattern(),
        d.streamThreads(), d.security(), startFrom, d.tickInterval(), d.commitInterval(), d.sessionTimeout(),
        d.topicRefreshInterval(), d.stateDir(), d.clientProperties());
  }
}
