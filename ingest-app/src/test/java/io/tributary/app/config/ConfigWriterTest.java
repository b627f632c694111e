package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.app.metrics.MetricsKeys;
import io.tributary.config.ConfigKey;
import io.tributary.config.CoreKeys;
import io.tributary.config.DatasetKeys;
import io.tributary.config.ValueType;
import io.tributary.kafka.KafkaKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A file written through the key declarations is one the loader reads back to the same values. */
class ConfigWriterTest {

  @Test
  void whatIsWrittenLoadsBackToTheSameValues() {
    String yaml = new ConfigWriter()
        .set(KafkaKeys.BOOTSTRAP, "${BROKERS}")
        .set(KafkaKeys.TOPICS, List.of("orders", "users"))
        .set(KafkaKeys.SESSION_TIMEOUT, Duration.ofSeconds(30))
        .set(CoreKeys.LIMIT_RECORD_BYTES, 4L << 20)
        .set(DatasetKeys.of("orders", DatasetKeys.ROLLING_MAX_AGE), Duration.ofMillis(1500))
        .set(DatasetKeys.defaults(DatasetKeys.ROLLING_MAX_AGE), Duration.ZERO.plusHours(2))
        .set(MetricsKeys.CLOUDWATCH_ENABLED, true)
        .set(ConfigKeys.HTTP_PORT, 9090)
        .yaml("made by a test");

    assertThat(yaml).startsWith("# made by a test\n").contains("session-timeout: 30s", "max-record-bytes: 4MiB",
        "max-age: 1500ms", "max-age: 2h");
    Config config = new ConfigLoader(ConfigKeys.all(), Map.of("BROKERS", "b:9092")).parse(yaml, "written");
    assertThat(config.get(KafkaKeys.BOOTSTRAP)).isEqualTo("b:9092");
    assertThat(config.get(KafkaKeys.TOPICS)).containsExactly("orders", "users");
    assertThat(config.get(KafkaKeys.SESSION_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.get(CoreKeys.LIMIT_RECORD_BYTES)).isEqualTo(4L << 20);
    assertThat(config.get(DatasetKeys.of("orders", DatasetKeys.ROLLING_MAX_AGE))).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.get(DatasetKeys.defaults(DatasetKeys.ROLLING_MAX_AGE))).isEqualTo(Duration.ofHours(2));
    assertThat(config.get(MetricsKeys.CLOUDWATCH_ENABLED)).isTrue();
    assertThat(config.get(ConfigKeys.HTTP_PORT)).isEqualTo(9090);
  }

  @Test
  void aKeyTheServiceDoesNotKnowIsRefusedByName() {
    ConfigKey<String> stray = ConfigKey.optional("kafka.bootstrap-server", ValueType.STRING, "a typo");
    assertThatThrownBy(() -> new ConfigWriter().set(stray, "b:9092"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown key 'kafka.bootstrap-server'");
    assertThatThrownBy(() -> new ConfigWriter().set(DatasetKeys.of("*", DatasetKeys.POLICY), "strict"))
        .hasMessageContaining("unknown key 'datasets.*.policy'");
  }

  @Test
  void aValueTheServiceWouldRefuseFailsNamingTheKey() {
    assertThatThrownBy(() -> new ConfigWriter().set(KafkaKeys.STREAM_THREADS, 65))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka.stream-threads: 65 is out of range: from 1 to 64");
    assertThatThrownBy(() -> new ConfigWriter().set(DatasetKeys.of("orders", DatasetKeys.ROLLING_MAX_AGE),
        Duration.ofMillis(10))).hasMessageContaining("datasets.orders.rolling.max-age: '10ms' is too short");
    assertThatThrownBy(() -> new ConfigWriter().set(DatasetKeys.of("orders", DatasetKeys.POLICY), "lenient"))
        .hasMessageContaining("datasets.orders.policy: 'lenient' is not allowed: one of evolve, strict");
  }
}
