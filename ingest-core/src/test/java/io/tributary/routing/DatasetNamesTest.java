package io.tributary.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetNamesTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', textBlock = """
      orders                | orders
      orders-v2             | orders_v2
      Orders.Created        | orders_created
      ORDERS                | orders
      a b/c                 | a_b_c
      __consumer_offsets    | consumer_offsets
      _orders               | orders
      -orders               | orders
      2024                  | t_2024
      _2024                 | t_2024
      9lives                | t_9lives
      orders_               | orders_
      a__b                  | a__b
      café                  | caf_
      a😀b                  | a_b
      """)
  void sanitizeMapsExamplesToTheSpecifiedNames(String raw, String expected) {
    assertThat(DatasetNames.sanitize(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_", "___", "-", "..", " ", "😀", "é"})
  void sanitizeRejectsTextWithoutUsableCharacters(String raw) {
    assertThatThrownBy(() -> DatasetNames.sanitize(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid dataset name")
        .hasMessageContaining("has no usable characters");
  }

  @Test
  void resolveTurnsTextWithoutUsableCharactersIntoUnroutable() {
    assertThat(DatasetNames.resolve("--"))
        .isEqualTo(new RouteResult.Unroutable("dataset name from '--' has no usable characters"));
  }

  @Test
  void resolveRoutesUsableTextToTheSanitizedName() {
    assertThat(DatasetNames.resolve("Orders.Created")).isEqualTo(new RouteResult.Routed("orders_created"));
  }

  @Test
  void unroutableReasonQuotesOnlyTheStartOfHugeText() {
    RouteResult result = DatasetNames.resolve("-".repeat(5_000));

    assertThat(result).isInstanceOf(RouteResult.Unroutable.class);
    String reason = ((RouteResult.Unroutable) result).reason();
    assertThat(reason).hasSizeLessThan(200).contains("(5000 characters)");
  }

  @Test
  void longNameIsCutToMaxLength() {
    assertThat(DatasetNames.sanitize("x".repeat(500))).isEqualTo("x".repeat(DatasetNames.MAX_LENGTH));
  }

  @Test
  void prefixForLeadingDigitCountsTowardsMaxLength() {
    assertThat(DatasetNames.sanitize("1".repeat(500))).isEqualTo("t_" + "1".repeat(DatasetNames.MAX_LENGTH - 2));
  }

  @Test
  void leadingUnderscoresAreDroppedBeforeTheCut() {
    String name = DatasetNames.sanitize("_".repeat(300) + "y".repeat(200));
    assertThat(name).isEqualTo("y".repeat(DatasetNames.MAX_LENGTH));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "orders", "t_2024", "orders_v2_", "a1"})
  void isValidAcceptsSanitizedNames(String name) {
    assertThat(DatasetNames.isValid(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_orders", "2024", "Orders", "orders-v2", "a.b"})
  void isValidRejectsNamesSanitizeWouldChange(String name) {
    assertThat(DatasetNames.isValid(name)).isFalse();
  }

  @Test
  void isValidRejectsNullAndOverlongNames() {
    assertThat(DatasetNames.isValid(null)).isFalse();
    assertThat(DatasetNames.isValid("a".repeat(DatasetNames.MAX_LENGTH + 1))).isFalse();
  }

  @Property
  void resolvedNameIsAlwaysValid(@ForAll("rawNames") String raw) {
    RouteResult result = DatasetNames.resolve(raw);
    if (result instanceof RouteResult.Routed routed) {
      assertThat(DatasetNames.isValid(routed.dataset())).isTrue();
    } else {
      assertThat(raw.toLowerCase(java.util.Locale.ROOT)).doesNotContainPattern("[a-z0-9]");
    }
  }

  @Property
  void sanitizeIsIdempotent(@ForAll("rawNames") String raw) {
    if (DatasetNames.resolve(raw) instanceof RouteResult.Routed routed) {
      assertThat(DatasetNames.sanitize(routed.dataset())).isEqualTo(routed.dataset());
    }
  }

  @Provide
  Arbitrary<String> rawNames() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(30),
        Arbitraries.strings().withChars("_-.1aZ").ofMaxLength(300),
        Arbitraries.strings().all().ofMaxLength(30));
  }
}
