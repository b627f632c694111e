package io.tributary.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.error.ErrorType;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DecodeErrorTest {

  @ParameterizedTest
  @EnumSource(value = ErrorType.class, names = {"DECODE", "OVERSIZE", "TOO_DEEP"})
  void acceptsTheDecodeErrorTypes(ErrorType type) {
    assertThat(new DecodeError(type, "why").type()).isEqualTo(type);
  }

  @ParameterizedTest
  @EnumSource(value = ErrorType.class, names = {"EVENT_TIME", "SCHEMA", "ROUTING"})
  void rejectsErrorTypesThatDecodingCannotProduce(ErrorType type) {
    assertThatThrownBy(() -> new DecodeError(type, "why"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(type.name())
        .hasMessageContaining("DECODE, OVERSIZE, TOO_DEEP");
  }

  @Test
  void rejectsNullTypeAndBlankReason() {
    assertThatThrownBy(() -> new DecodeError(null, "why")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DecodeError(ErrorType.DECODE, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DecodeError(ErrorType.DECODE, " ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodedRejectsNullEventAndNegativeDuplicateCount() {
    assertThatThrownBy(() -> new DecodeResult.Decoded(null, 0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DecodeResult.Decoded(new LinkedHashMap<>(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicateKeys");
  }

  @Test
  void failedRejectsNullError() {
    assertThatThrownBy(() -> new DecodeResult.Failed(null)).isInstanceOf(NullPointerException.class);
  }
}
