package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.kinesis.KinesisSourceSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards the Kinesis part of the configuration: the keys reach the source's settings, the example is what it says,
 * and a bad or missing value stops the start naming its key.
 */
class KinesisConfigTest {

  private static ServiceConfig service(String yaml) {
    return ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), Map.of()).parse(yaml, "test.yaml"));
  }

  @Test
  void everyKinesisKeyReachesTheSourceSettings() {
    KinesisSourceSettings settings = service("source:\n  type: kinesis\nkinesis:\n  streams: [a, b]\n"
        + "  region: eu-west-1\n  endpoint: http://127.0.0.1:4568\n  dynamodb-endpoint: http://127.0.0.1:8000\n"
        + "  application-name: app-1\n  lease-table: leases-1\n  initial-position: at-timestamp\n"
        + "  initial-timestamp: 2025-11-21T06:00:00Z\n  consumer: enhanced-fan-out\n  lease-assignment: lease-count\n"
        + "  kcl-metrics: summary\n  max-records: 500\n  shard-sync-interval: 5s\n  failover-time: 6s\n"
        + "  lease-assignment-interval: 3s\n  leader-lease-duration: 20s\n  idle-time-between-reads: 250ms\n"
        + "  parent-shard-poll-interval: 2s\n  worker-report-interval: 4s\n  tick-interval: 500ms\n")
        .kinesisSettings();
    assertThat(settings.streams()).containsExactly("a", "b");
    assertThat(settings.region()).isEqualTo("eu-west-1");
    assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:4568"));
    assertThat(settings.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:8000"));
    assertThat(settings.cloudWatchEndpoint()).isEmpty();
    assertThat(settings.applicationName()).isEqualTo("app-1");
    assertThat(settings.leaseTable()).isEqualTo("leases-1");
    assertThat(settings.initialPosition()).isEqualTo(KinesisSourceSettings.InitialPosition.AT_TIMESTAMP);
    assertThat(settings.atTimestamp()).contains(Instant.parse("2025-11-21T06:00:00Z"));
    assertThat(settings.consumer()).isEqualTo(KinesisSourceSettings.Consumer.ENHANCED_FAN_OUT);
    assertThat(settings.leaseAssignment()).isEqualTo(KinesisSourceSettings.LeaseAssignment.LEASE_COUNT);
    assertThat(settings.kclMetrics()).isEqualTo(KinesisSourceSettings.KclMetrics.SUMMARY);
    assertThat(settings.maxRecords()).isEqualTo(500);
    assertThat(settings.timings()).isEqualTo(new KinesisSourceSettings.Timings(Duration.ofSeconds(5),
        Duration.ofSeconds(6), java.util.Optional.of(Duration.ofSeconds(3)), Duration.ofSeconds(20),
        Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofMillis(500)));
  }

  @Test
  void theLeaseTableIsTheApplicationNameByDefault() {
    KinesisSourceSettings settings = service("source:\n  type: kinesis\nkinesis:\n  streams: [a]\n"
        + "  region: us-east-1\n  application-name: my-app\n").kinesisSettings();
    assertThat(settings.leaseTable()).isEqualTo("my-app");
    assertThat(settings.kclMetrics()).isEqualTo(KinesisSourceSettings.KclMetrics.NONE);
    assertThat(settings.initialPosition()).isEqualTo(KinesisSourceSettings.InitialPosition.TRIM_HORIZON);
  }

  @Test
  void badKinesisConfigurationFailsAtStartNamingTheKey() {
    assertThatThrownBy(() -> service("source:\n  type: kinesis\nkinesis:\n  region: us-east-1\n"))
        .hasMessageContaining("missing kinesis.streams");
    assertThatThrownBy(() -> service("source:\n  type: kinesis\nkinesis:\n  streams: [a]\n  region: us-east-1\n"
        + "  initial-position: at-timestamp\n")).hasMessageContaining("kinesis.initial-timestamp");
    assertThatThrownBy(() -> service("source:\n  type: kinesis\nkinesis:\n  streams: [a]\n  region: us-east-1\n"
        + "  initial-position: at-timestamp\n  initial-timestamp: yesterday\n"))
        .hasMessageContaining("kinesis.initial-timestamp: 'yesterday' is not an ISO-8601 instant");
    assertThatThrownBy(() -> service("source:\n  type: kinesis\nkinesis:\n  streams: [a]\n  region: us-east-1\n"
        + "  endpoint: localhost:4567\n")).hasMessageContaining("kinesis.endpoint");
    assertThatThrownBy(() -> service("source:\n  type: kinesis\nkinesis:\n  streams: [a]\n  region: us-east-1\n"
        + "  consumer: fan-out\n")).hasMessageContaining("kinesis.consumer");
    assertThatThrownBy(() -> service("source:\n  type: kinesis\nkinesis:\n  streams: [a]\n  region: us-east-1\n"
        + "  idle-time-between-reads: 50ms\n")).hasMessageContaining("kinesis.idle-time-between-reads");
  }

  @Test
  void theKinesisExampleIsValid() {
    ServiceConfig example = ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), Map.of("LAKE_BUCKET", "my-lake"))
        .load(Path.of("..", "examples", "kinesis-s3.yaml")));
    assertThat(example.kinesisSource()).isTrue();
    assertThat(example.kinesisSettings().streams()).isEqualTo(List.of("orders", "clickstream"));
    assertThat(example.kinesisSettings().multiStream()).isTrue();
    assertThat(example.storeDescription()).isEqualTo("s3://my-lake/events");
  }
}
