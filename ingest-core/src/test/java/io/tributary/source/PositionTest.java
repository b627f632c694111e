package io.tributary.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionTest {
  /** A Kinesis sequence number (56 digits) followed by a six-digit sub-sequence number. */
  private static final String KINESIS = "49590338271490256608559692538361571095921575989136588898" + "000000";

  @Test
  void positionsOrderAsDecimalNumbersOfAnyLength() {
    assertThat(Position.parse("9")).isLessThan(Position.parse("10"));
    assertThat(Position.parse("999999999999999999")).isLessThan(Position.parse("1000000000000000000"));
    assertThat(Position.of(Long.MAX_VALUE)).isLessThan(Position.parse("9223372036854775808"));
    assertThat(Position.parse(KINESIS)).isGreaterThan(Position.of(Long.MAX_VALUE))
        .isLessThan(Position.parse(KINESIS.substring(0, KINESIS.length() - 1) + "1"));
  }

  @Test
  void aSortByPositionIsTheSortByNumericValue() {
    Random random = new Random(7);
    List<Position> positions = new ArrayList<>();
    List<java.math.BigInteger> values = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      java.math.BigInteger value = new java.math.BigInteger(1 + random.nextInt(200), random);
      values.add(value);
      positions.add(Position.parse(value.toString()));
    }
    Collections.shuffle(positions, random);
    Collections.sort(positions);
    Collections.sort(values);
    assertThat(positions).extracting(Position::toString).containsExactlyElementsOf(
        values.stream().map(Object::toString).toList());
  }

  @Test
  void subSequencesOfOneKinesisRecordOrderBetweenItAndTheNextRecord() {
    String seq = KINESIS.substring(0, KINESIS.length() - 6);
    Position plain = Position.parse(seq + "000000");
    Position third = Position.parse(seq + "000003");
    Position next = Position.parse(seq.substring(0, seq.length() - 1) + "9" + "000000");
    assertThat(plain).isLessThan(third);
    assertThat(third).isLessThan(next);
  }

  @Test
  void equalValuesAreEqualWhateverTheirLeadingZerosAndKeepTheirText() {
    assertThat(Position.parse("0010")).isEqualTo(Position.of(10)).hasSameHashCodeAs(Position.of(10))
        .hasToString("0010");
    assertThat(Position.parse("000" + KINESIS)).isEqualTo(Position.parse(KINESIS))
        .hasSameHashCodeAs(Position.parse(KINESIS));
    assertThat(Position.parse("1000000000000000000")).isEqualTo(Position.of(1_000_000_000_000_000_000L));
  }

  @Test
  void beforeAndAfterStepByOneAcrossTheLongLimit() {
    assertThat(Position.of(0).before()).isNull();
    assertThat(Position.of(10).before()).isEqualTo(Position.of(9));
    assertThat(Position.of(9).after()).isEqualTo(Position.of(10));
    Position limit = Position.parse("1000000000000000000");
    assertThat(limit.before()).isEqualTo(Position.parse("999999999999999999"));
    assertThat(limit.before().after()).isEqualTo(limit);
    assertThat(Position.parse(KINESIS).before()).hasToString(
        KINESIS.substring(0, KINESIS.length() - 7) + "7999999");
    assertThat(Position.of(41).toLong()).isEqualTo(41);
  }

  @Test
  void theTextRoundTripsAsWrittenSoTheLedgerStaysReadable() {
    for (String text : List.of("0", "42", "9223372036854775807", KINESIS)) {
      assertThat(Position.parse(Position.parse(text).toString())).isEqualTo(Position.parse(text));
      assertThat(Position.parse(text)).hasToString(text);
    }
  }

  @Test
  void atOrBeforeTreatsNoPositionAsBeforeEverything() {
    assertThat(Position.of(5).atOrBefore(null)).isFalse();
    assertThat(Position.of(5).atOrBefore(Position.of(5))).isTrue();
    assertThat(Position.min(null, Position.of(3))).isEqualTo(Position.of(3));
    assertThat(Position.max(Position.of(4), Position.of(3))).isEqualTo(Position.of(4));
  }

  @Test
  void anythingButDecimalDigitsIsRefused() {
    assertThatThrownBy(() -> Position.parse("-1")).hasMessageContaining("non-negative decimal");
    assertThatThrownBy(() -> Position.parse("12a")).hasMessageContaining("non-negative decimal");
    assertThatThrownBy(() -> Position.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> Position.of(-1)).hasMessageContaining("must not be negative");
  }
}
