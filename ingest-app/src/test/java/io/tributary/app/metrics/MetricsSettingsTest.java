package io.tributary.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guards the checks of the metrics settings: a bad value fails at start and names what is allowed. */
class MetricsSettingsTest {

  @Test
  void defaultsKeepCloudWatchOffAndLeaveTheDatasetDimensionOut() {
    MetricsSettings defaults = MetricsSettings.defaults();
    assertThat(defaults.cloudWatchEnabled()).isFalse();
    assertThat(defaults.prometheusEnabled()).isTrue();
    assertThat(defaults.step()).isEqualTo(Duration.ofMinutes(1));
    assertThat(defaults.dimensions()).containsExactlyInAnyOrder("outcome", "kind", "error_type");
  }

  @Test
  void anEnabledCloudWatchNeedsAValidNamespaceAndARegion() {
    assertThatThrownBy(() -> cloudWatch(" ", "us-east-1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid CloudWatch namespace ' ': must be 1 to 255 characters and may not start with AWS/");
    assertThatThrownBy(() -> cloudWatch("AWS/Tributary", "us-east-1"))
        .hasMessageContaining("Invalid CloudWatch namespace 'AWS/Tributary'");
    assertThatThrownBy(() -> cloudWatch("x".repeat(256), "us-east-1"))
        .hasMessageContaining("must be 1 to 255 characters");
    assertThatThrownBy(() -> cloudWatch("Tributary", ""))
        .hasMessage("Invalid CloudWatch region '': may not be blank");
    assertThat(new MetricsSettings(false, null, Duration.ofMinutes(1), null, Optional.empty(), Set.of(), true)
        .namespace()).isNull();
  }

  @Test
  void theStepIsAtLeastOneSecondAndDimensionsAreNotBlank() {
    assertThatThrownBy(() -> new MetricsSettings(false, "T", Duration.ofMillis(999), "us-east-1", Optional.empty(),
        Set.of(), true)).hasMessage("Invalid metrics step PT0.999S: must be at least 1 second");
    assertThatThrownBy(() -> new MetricsSettings(false, "T", Duration.ofMinutes(1), "us-east-1", Optional.empty(),
        Set.of(""), true)).hasMessage("Invalid CloudWatch dimension '': may not be blank");
  }

  private static MetricsSettings cloudWatch(String namespace, String region) {
    return new MetricsSettings(true, namespace, Duration.ofMinutes(1), region, Optional.empty(), Set.of(), false);
  }
}
