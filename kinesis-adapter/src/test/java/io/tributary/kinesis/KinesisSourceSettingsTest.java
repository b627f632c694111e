package io.tributary.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.kinesis.KinesisSourceSettings.Timings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Guards the Kinesis settings' validation: each bad value fails naming its configuration key. */
class KinesisSourceSettingsTest {

  private static final KinesisSourceSettings GOOD = KinesisSourceSettings.of(List.of("orders"), "eu-west-1", "app");

  @Test
  void defaultsAreKclsWithTheLeaseTableNamedAfterTheApplication() {
    assertThat(GOOD.leaseTable()).isEqualTo("app");
    assertThat(GOOD.consumer()).isEqualTo(KinesisSourceSettings.Consumer.POLLING);
    assertThat(GOOD.kclMetrics()).isEqualTo(KinesisSourceSettings.KclMetrics.NONE);
    assertThat(GOOD.timings().leaseAssignmentInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(GOOD.multiStream()).isFalse();
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> KinesisSourceSettings.of(List.of(), "eu-west-1", "app"))
        .hasMessageContaining("kinesis.streams");
    assertThatThrownBy(() -> KinesisSourceSettings.of(List.of("a b"), "eu-west-1", "app"))
        .hasMessageContaining("kinesis.streams");
    assertThatThrownBy(() -> KinesisSourceSettings.of(List.of("a", "a"), "eu-west-1", "app"))
        .hasMessageContaining("named twice");
    assertThatThrownBy(() -> KinesisSourceSettings.of(List.of("a"), "Europe", "app"))
        .hasMessageContaining("kinesis.region");
    assertThatThrownBy(() -> KinesisSourceSettings.of(List.of("a"), "eu-west-1", "x"))
        .hasMessageContaining("kinesis.application-name");
    assertThatThrownBy(() -> GOOD.withEndpoints(URI.create("ftp://host"), null, null))
        .hasMessageContaining("kinesis.endpoint");
    assertThatThrownBy(() -> GOOD.withInitialPosition(KinesisSourceSettings.InitialPosition.AT_TIMESTAMP,
        Optional.empty())).hasMessageContaining("kinesis.initial-timestamp");
    assertThatThrownBy(() -> GOOD.withInitialPosition(KinesisSourceSettings.InitialPosition.LATEST,
        Optional.of(Instant.EPOCH))).hasMessageContaining("kinesis.initial-timestamp");
    assertThatThrownBy(() -> GOOD.withMaxRecords(10_001)).hasMessageContaining("kinesis.max-records");
    assertThatThrownBy(() -> new Timings(Duration.ofSeconds(1), Duration.ofSeconds(1), Optional.empty(),
        Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(1))).hasMessageContaining("kinesis.idle-time-between-reads");
    assertThatThrownBy(() -> new Timings(Duration.ofSeconds(1), Duration.ZERO, Optional.empty(),
        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(1))).hasMessageContaining("kinesis.failover-time");
  }

  @Test
  void severalStreamsRunKclInMultiStreamMode() {
    assertThat(KinesisSourceSettings.of(List.of("a", "b"), "us-east-1", "app").multiStream()).isTrue();
  }
}
