package io.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one duration codec: what the engine's YAML and the deploy settings write is what they read back. */
class DurationsTest {

  @Test
  void everyUnitRoundTripsThroughItsText() {
    for (String text : new String[] {"0s", "1ms", "1500ms", "1s", "90s", "1m", "5m", "1h", "36h", "1d", "7d"}) {
      assertThat(Durations.text(Durations.parse(text))).as(text).isEqualTo(text);
    }
  }

  @Test
  void aDurationIsPrintedInItsLargestWholeUnit() {
    assertThat(Durations.text(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.text(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Durations.text(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Durations.text(Duration.ofSeconds(3600))).isEqualTo("1h");
    assertThat(Durations.text(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.text(Duration.ofHours(48))).isEqualTo("2d");
    for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(61_001),
        Duration.ofMinutes(5), Duration.ofHours(25), Duration.ofDays(30)}) {
      assertThat(Durations.parse(Durations.text(d))).as(d.toString()).isEqualTo(d);
    }
  }

  @Test
  void parsingIsLenientAboutCaseAndSpacesOnly() {
    assertThat(Durations.parse(" 15 M ")).isEqualTo(Duration.ofMinutes(15));
    for (String bad : new String[] {"", "15", "m", "1.5h", "-5m", "5 minutes", "PT5M"}) {
      assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a duration: a whole number with ms, s, m, h or d");
    }
  }

  @Test
  void aDurationNoTextNamesIsRefused() {
    assertThatThrownBy(() -> Durations.text(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.text(Duration.ofNanos(1500))).isInstanceOf(IllegalArgumentException.class);
  }
}
