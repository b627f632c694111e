package io.tributary.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GranularityTest {
  private static final long T = micros("2026-03-07T06:05:04.123456Z");

  static long micros(String iso) {
    Instant instant = Instant.parse(iso);
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
  }

  @ParameterizedTest
  @CsvSource({
      "YEAR, year=2026",
      "MONTH, year=2026/month=03",
      "DAY, year=2026/month=03/day=07",
      "HOUR, year=2026/month=03/day=07/hour=06"})
  void eachGranularityCutsTheTimeKeysAfterItsUnit(Granularity granularity, String expected) {
    assertThat(granularity.timePath(T)).isEqualTo(expected);
  }

  @Test
  void hourIsTheDefault() {
    assertThat(Granularity.DEFAULT).isEqualTo(Granularity.HOUR);
  }

  @Test
  void timeKeysAreInUtcAndZeroPadded() {
    assertThat(Granularity.HOUR.timePath(micros("0042-01-02T03:59:59.999999Z")))
        .isEqualTo("year=0042/month=01/day=02/hour=03");
  }

  @Test
  void instantsBeforeTheEpochRoundDownToTheirHour() {
    assertThat(Granularity.HOUR.timePath(-1L)).isEqualTo("year=1969/month=12/day=31/hour=23");
  }

  @Test
  void theFirstAndLastMicrosecondOfTheRangeHaveFourDigitYears() {
    assertThat(Granularity.HOUR.timePath(EventTimes.MIN_MICROS)).isEqualTo("year=0001/month=01/day=01/hour=00");
    assertThat(Granularity.HOUR.timePath(EventTimes.MAX_MICROS)).isEqualTo("year=9999/month=12/day=31/hour=23");
  }

  @Test
  void instantsOutsideTheYears1To9999AreRejected() {
    assertThatThrownBy(() -> Granularity.HOUR.timePath(EventTimes.MAX_MICROS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid event time")
        .hasMessageContaining("years 1 to 9999");
    assertThatThrownBy(() -> Granularity.DAY.timePath(EventTimes.MIN_MICROS - 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void configWordsAreTheLowercaseNames() {
    assertThat(Granularity.fromConfig("year")).isEqualTo(Granularity.YEAR);
    assertThat(Granularity.fromConfig("month")).isEqualTo(Granularity.MONTH);
    assertThat(Granularity.fromConfig("day")).isEqualTo(Granularity.DAY);
    assertThat(Granularity.fromConfig("hour")).isEqualTo(Granularity.HOUR);
    assertThat(Granularity.DAY.configWord()).isEqualTo("day");
  }

  @Test
  void anUnknownWordIsRejectedNamingTheAllowedValues() {
    assertThatThrownBy(() -> Granularity.fromConfig("HOUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid partition granularity: 'HOUR': allowed values are year, month, day, hour");
    assertThatThrownBy(() -> Granularity.fromConfig("minute"))
        .hasMessageContaining("'minute'");
  }

  @Test
  void keyNamesArePrefixesOfTheTimeKeyNames() {
    assertThat(Granularity.YEAR.keyNames()).containsExactly("year");
    assertThat(Granularity.DAY.keyNames()).containsExactly("year", "month", "day");
    assertThat(Granularity.HOUR.keyNames()).isEqualTo(Granularity.TIME_KEY_NAMES);
  }
}
