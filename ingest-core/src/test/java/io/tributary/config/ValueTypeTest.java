package io.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a type writes is what it reads back: the form generated docs and the deploy module's YAML use. */
class ValueTypeTest {

  @Test
  void writtenValuesParseBackToThemselves() {
    assertRoundTrip(ValueType.duration(Duration.ZERO), Duration.ZERO, "0s");
    assertRoundTrip(ValueType.duration(Duration.ofMillis(100)), Duration.ofMinutes(5), "5m");
    assertRoundTrip(ValueType.bytes(1024), 128L << 20, "128MiB");
    assertRoundTrip(ValueType.bytes(1), 1536L, 1536L);
    assertRoundTrip(ValueType.bytes(1), 3L << 30, "3GiB");
    assertRoundTrip(ValueType.integer(1, 64), 2, 2);
    assertRoundTrip(ValueType.BOOLEAN, true, true);
    assertRoundTrip(ValueType.STRING_LIST, List.of("a", "b"), List.of("a", "b"));
    assertRoundTrip(ValueType.STRING_MAP, Map.of("k", "v"), Map.of("k", "v"));
    assertRoundTrip(ValueType.oneOf("evolve", "strict"), "strict", "strict");
  }

  private static <T> void assertRoundTrip(ValueType<T> type, T value, Object written) {
    assertThat(type.write(value)).isEqualTo(written);
    assertThat(type.parse(type.write(value))).isEqualTo(value);
  }
}
