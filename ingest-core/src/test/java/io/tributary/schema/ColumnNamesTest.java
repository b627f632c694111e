package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnNamesTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      user-id           | user_id
      userId            | userid
      userid            | userid
      USERID            | userid
      a.b               | a_b
      first name        | first_name
      a/b$c@d           | a_b_c_d
      1st               | _1st
      42                | _42
      _private          | _private
      Café              | cafe
      ""                | _
      名前               | u540du524d
      😀                | u1f600
      a😀b              | au1f600b
      ﬁle               | file
      ＡＢＣ             | abc
      ΟΔΟΣ              | u03bfu03b4u03bfu03c3
      οδος              | u03bfu03b4u03bfu03c3
      İd                | id
      _rescued          | _rescued_
      _RESCUED          | _rescued_
      _rescued_         | _rescued_
      _ingest_time      | _ingest_time_
      _source           | _source_
      _partition        | _partition_
      _offset           | _offset_
      """)
  void sanitizeMapsExamplesToTheSpecifiedNames(String original, String expected) {
    assertThat(ColumnNames.sanitize(original)).isEqualTo(expected);
  }

  @Test
  void composedAndDecomposedAccentsGiveTheSameName() {
    assertThat(ColumnNames.sanitize("Caf\u00e9")).isEqualTo("cafe");
    assertThat(ColumnNames.sanitize("Cafe\u0301")).isEqualTo("cafe");
  }

  @Test
  void controlCharactersBecomeUnderscores() {
    assertThat(ColumnNames.sanitize("a\tb\nc\u0000d\u007f")).isEqualTo("a_b_c_d_");
  }

  @Test
  void nonAsciiCodePointsArePaddedToFourHexDigits() {
    assertThat(ColumnNames.sanitize("\u00a0")).isEqualTo("_");
    assertThat(ColumnNames.sanitize("x\u00df")).isEqualTo("xu00df");
  }

  @Test
  void loneSurrogatesAreEncodedLikeAnyOtherCodePoint() {
    assertThat(ColumnNames.sanitize("a\ud800")).isEqualTo("aud800");
  }

  @Test
  void nameOfExactlyMaxLengthIsKept() {
    String name = "b".repeat(ColumnNames.MAX_LENGTH);
    assertThat(ColumnNames.sanitize(name)).isEqualTo(name);
  }

  @Test
  void longNameIsCutTo119CharactersPlusAHashOfTheFullName() {
    // Golden value: computed outside Java (SHA-256 of 300 'a'), pins the hash for good.
    assertThat(ColumnNames.sanitize("a".repeat(300)))
        .isEqualTo("a".repeat(119) + "_9835fa6b")
        .hasSize(ColumnNames.MAX_LENGTH);
  }

  @Test
  void longNonAsciiNameIsHashedAfterEncoding() {
    assertThat(ColumnNames.sanitize("名".repeat(100)))
        .isEqualTo("u540d".repeat(23) + "u540_53b41bee");
  }

  @Test
  void longNamesDifferingOnlyAtTheEndGetDifferentNames() {
    String stem = "x".repeat(299);
    String first = ColumnNames.sanitize(stem + "a");
    String second = ColumnNames.sanitize(stem + "b");

    assertThat(first).isNotEqualTo(second);
    assertThat(first).startsWith("x".repeat(119) + "_");
    assertThat(second).startsWith("x".repeat(119) + "_");
  }

  @Test
  void longNamesEqualButForCaseGetTheSameName() {
    String stem = "field".repeat(60);
    assertThat(ColumnNames.sanitize(stem + "Tail")).isEqualTo(ColumnNames.sanitize(stem.toUpperCase(Locale.ROOT) + "tAIL"));
  }

  @Test
  void sanitizeRejectsNull() {
    assertThatThrownBy(() -> ColumnNames.sanitize(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("original may not be null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "_", "user_id", "_1st", "x9", "_rescued_", "_offsets"})
  void isValidAcceptsNamesInTheColumnAlphabet(String name) {
    assertThat(ColumnNames.isValid(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "User", "1st", "a-b", "a.b", "a b", "café", "_rescued", "_ingest_time", "_source",
      "_partition", "_offset"})
  void isValidRejectsNamesOutsideTheColumnAlphabetOrReserved(String name) {
    assertThat(ColumnNames.isValid(name)).isFalse();
  }

  @Test
  void isValidRejectsNullAndOverlongNames() {
    assertThat(ColumnNames.isValid(null)).isFalse();
    assertThat(ColumnNames.isValid("a".repeat(ColumnNames.MAX_LENGTH + 1))).isFalse();
    assertThat(ColumnNames.isValid("a".repeat(ColumnNames.MAX_LENGTH))).isTrue();
  }

  @Property
  void sanitizedNameIsAlwaysValid(@ForAll("names") String original) {
    assertThat(ColumnNames.isValid(ColumnNames.sanitize(original))).isTrue();
  }

  @Property
  void sanitizeIsDeterministic(@ForAll("names") String original) {
    String copy = new String(original.toCharArray());
    assertThat(ColumnNames.sanitize(copy)).isEqualTo(ColumnNames.sanitize(original));
  }

  @Property
  void sanitizeIsIdempotent(@ForAll("names") String original) {
    String once = ColumnNames.sanitize(original);
    assertThat(ColumnNames.sanitize(once)).isEqualTo(once);
  }

  @Property
  void asciiNamesEqualButForCaseGetTheSameName(@ForAll("asciiNames") String original) {
    assertThat(ColumnNames.sanitize(original.toUpperCase(Locale.ROOT)))
        .isEqualTo(ColumnNames.sanitize(original))
        .isEqualTo(ColumnNames.sanitize(original.toLowerCase(Locale.ROOT)));
  }

  @Property
  void validNamesAreLeftUnchanged(@ForAll("validNames") String name) {
    assertThat(ColumnNames.sanitize(name)).isEqualTo(name);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        asciiNames(),
        Arbitraries.strings().all().ofMaxLength(40),
        codePointStrings(),
        Arbitraries.of(MetadataColumns.fields().stream().map(Field::name).collect(Collectors.toList())),
        Arbitraries.strings().withChars("aZ9_-. ").ofMinLength(120).ofMaxLength(300));
  }

  @Provide
  Arbitrary<String> asciiNames() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().ascii().ofMinLength(100).ofMaxLength(300),
        Arbitraries.of(List.of("_RESCUED", "_Source", "_OFFSET", "userId", "USER-ID")));
  }

  @Provide
  Arbitrary<String> validNames() {
    Arbitrary<String> first = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofLength(1);
    Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_')
        .ofMaxLength(ColumnNames.MAX_LENGTH - 1);
    return first.flatMap(f -> rest.map(r -> f + r)).filter(ColumnNames::isValid);
  }

  /** Strings over every code point, supplementary planes and lone surrogates included. */
  private Arbitrary<String> codePointStrings() {
    return Arbitraries.integers().between(0, Character.MAX_CODE_POINT).list().ofMaxSize(60)
        .map(cps -> cps.stream()
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString());
  }
}
