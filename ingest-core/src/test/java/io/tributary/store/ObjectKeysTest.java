package io.tributary.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "a",
      "a/b/c.parquet",
      "prefix/_schemas/orders/v00000001.json",
      "lake/year=2026/month=01",
      "lake/k=a%2Fb",
      "lake/city=São Paulo",
      "lake/名前=値/\uD83D\uDE00",
      ".hidden/x",
      "a/..b/c..",
      "a/.tributary-tmp",
      "_tributary/ledger"})
  void validKeysAreReturnedUnchanged(String key) {
    assertThat(ObjectKeys.validate(key)).isSameAs(key);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                       | may not be null or empty",
      "/a                       | may not start or end with '/'",
      "a/                       | may not start or end with '/'",
      "a//b                     | empty segment",
      "./a                      | a '.' segment",
      "a/./b                    | a '.' segment",
      "a/..                     | a '..' segment",
      "../../etc/passwd         | a '..' segment",
      "a\\b                     | may not contain '\\'",
      ".tributary-tmp/x         | reserved for the local store's temporary files",
      ".tributary-tmp           | reserved for the local store's temporary files"})
  void invalidKeysAreRejectedWithTheKeyAndTheReason(String key, String reason) {
    assertThatThrownBy(() -> ObjectKeys.validate(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid object key '" + key + "': ")
        .hasMessageContaining(reason);
  }

  @Test
  void nullKeyIsRejected() {
    assertThatThrownBy(() -> ObjectKeys.validate(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid object key 'null': may not be null or empty");
  }

  @ParameterizedTest
  @ValueSource(chars = {'\u0000', '\u0001', '\n', '\r', '\t', '\u001F', '\u007F'})
  void controlCharactersAreRejectedAndEscapedInTheMessage(char control) {
    String key = "a/b" + control + "c";

    assertThatThrownBy(() -> ObjectKeys.validate(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(String.format(
            "Invalid object key 'a/b\\u%04Xc': may not contain control character U+%04X", (int) control,
            (int) control));
  }

  @Test
  void unpairedSurrogatesAreRejectedBecauseTheyHaveNoUtf8Form() {
    assertThatThrownBy(() -> ObjectKeys.validate("a/\uD83D"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate U+D83D");
    assertThatThrownBy(() -> ObjectKeys.validate("a/\uDE00b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate U+DE00");
  }

  @Test
  void keysLongerThanS3AllowsAreRejectedCountingUtf8Bytes() {
    String atLimit = "a/" + "é".repeat(511); // 2 + 1022 bytes
    String overLimit = atLimit + "x";

    assertThat(ObjectKeys.validate(atLimit)).isEqualTo(atLimit);
    assertThatThrownBy(() -> ObjectKeys.validate(overLimit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than 1024 UTF-8 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "a/", "a/b/v0", "a/b/", "a/.", "a/..", ".", ".tributary-tmp", "x=1/y=2 "})
  void validPrefixesMayEndMidSegmentOrWithASlash(String prefix) {
    assertThat(ObjectKeys.validatePrefix(prefix)).isSameAs(prefix);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/a                | may not start with '/'",
      "a//               | empty segment",
      "a//b              | empty segment",
      "../a              | a '..' segment",
      "a/./b             | a '.' segment",
      ".tributary-tmp/   | reserved",
      "a\\               | may not contain '\\'"})
  void invalidPrefixesAreRejected(String prefix, String reason) {
    assertThatThrownBy(() -> ObjectKeys.validatePrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid object key prefix '" + prefix + "': ")
        .hasMessageContaining(reason);
  }

  @Test
  void nullPrefixIsRejectedPointingAtTheEmptyPrefix() {
    assertThatThrownBy(() -> ObjectKeys.validatePrefix(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use \"\" to list everything");
  }

  @Test
  void joinSkipsEmptyPartsSoAnEmptyPrefixAddsNothing() {
    assertThat(ObjectKeys.join("", "_schemas", "orders", "v00000001.json"))
        .isEqualTo("_schemas/orders/v00000001.json");
    assertThat(ObjectKeys.join("lake", "", "orders")).isEqualTo("lake/orders");
  }

  @Test
  void joinAcceptsPartsThatHoldSeveralSegments() {
    assertThat(ObjectKeys.join("lake/raw", "orders/year=2026", "f.parquet"))
        .isEqualTo("lake/raw/orders/year=2026/f.parquet");
  }

  @Test
  void joinValidatesTheResult() {
    assertThatThrownBy(() -> ObjectKeys.join("lake/", "orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid object key 'lake//orders': may not contain an empty segment ('//')");
    assertThatThrownBy(() -> ObjectKeys.join("lake", "..", "etc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'..' segment");
    assertThatThrownBy(() -> ObjectKeys.join("", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("may not be null or empty");
  }

  @Test
  void joinRejectsNullParts() {
    assertThatNullPointerException().isThrownBy(() -> ObjectKeys.join("a", null)).withMessageContaining("null");
  }

  @Test
  void utf8OrderPutsSupplementaryCharactersAfterTheRestOfTheBasicPlane() {
    String emoji = "\uD83D\uDE00"; // U+1F600: F0 9F 98 80
    String fullwidthTilde = "\uFF5E"; // U+FF5E: EF BD 9E

    assertThat(emoji.compareTo(fullwidthTilde)).as("UTF-16 order, the trap").isNegative();
    assertThat(ObjectKeys.compareUtf8(emoji, fullwidthTilde)).isPositive();
    assertThat(ObjectKeys.compareUtf8("a/b", "a/b/c")).isNegative();
    assertThat(ObjectKeys.compareUtf8("a/b-c", "a/b/c")).isNegative();
    assertThat(ObjectKeys.compareUtf8("same", "same")).isZero();
  }

  @Property(tries = 2000)
  void utf8OrderAgreesWithComparingTheEncodedBytes(@ForAll String a, @ForAll String b) {
    // Strings with unpaired surrogates are not keys, and Java encodes them as '?': skip those.
    Assume.that(wellFormed(a) && wellFormed(b));
    int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8)));

    assertThat(Integer.signum(ObjectKeys.compareUtf8(a, b))).isEqualTo(expected);
  }

  @Property(tries = 500)
  void utf8OrderAgreesWithBytesForSupplementaryHeavyStrings(@ForAll("mixedPlanes") String a,
      @ForAll("mixedPlanes") String b) {
    int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8)));

    assertThat(Integer.signum(ObjectKeys.compareUtf8(a, b))).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> mixedPlanes() {
    Arbitrary<Integer> codePoint = Arbitraries.oneOf(
        Arbitraries.integers().between(0x20, 0x7E),
        Arbitraries.integers().between(0xE000, 0xFFFD),
        Arbitraries.integers().between(0x10000, 0x1FFFF));
    return codePoint.list().ofMaxSize(6).map(cps -> {
      StringBuilder out = new StringBuilder();
      cps.forEach(out::appendCodePoint);
      return out.toString();
    });
  }

  private static boolean wellFormed(String s) {
    return s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
  }
}
