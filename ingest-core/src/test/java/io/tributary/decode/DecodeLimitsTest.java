package io.tributary.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecodeLimitsTest {

  @Test
  void defaultsAreTenMebibytesAndDepthSixtyFour() {
    DecodeLimits limits = DecodeLimits.defaults();

    assertThat(limits.maxRecordBytes()).isEqualTo(10 * 1024 * 1024).isEqualTo(DecodeLimits.DEFAULT_MAX_RECORD_BYTES);
    assertThat(limits.maxDepth()).isEqualTo(64).isEqualTo(DecodeLimits.DEFAULT_MAX_DEPTH);
  }

  @Test
  void rejectsNonPositiveMaxRecordBytesNamingTheParameter() {
    assertThatThrownBy(() -> new DecodeLimits(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRecordBytes");
  }

  @Test
  void rejectsNonPositiveMaxDepthNamingTheParameter() {
    assertThatThrownBy(() -> new DecodeLimits(10, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDepth");
  }

  @Test
  void acceptsTheSmallestLimits() {
    assertThat(new DecodeLimits(1, 1)).isEqualTo(new DecodeLimits(1, 1));
  }
}
