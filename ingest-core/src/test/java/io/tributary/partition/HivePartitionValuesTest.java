package io.tributary.partition;

import static io.tributary.partition.HivePartitionValues.DEFAULT_PARTITION;
import static io.tributary.partition.HivePartitionValues.escape;
import static io.tributary.partition.HivePartitionValues.unescape;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HivePartitionValuesTest {

  static Stream<Arguments> escapingTable() {
    return Stream.of(
        Arguments.of("eu-west", "eu-west"),
        Arguments.of("a b", "a b"),
        Arguments.of("a/b", "a%2Fb"),
        Arguments.of("x=y", "x%3Dy"),
        Arguments.of("%", "%25"),
        Arguments.of("100%", "100%25"),
        Arguments.of("../etc/passwd", "..%2Fetc%2Fpasswd"),
        Arguments.of(".", "%2E"),
        Arguments.of("..", "%2E%2E"),
        Arguments.of("...", "%2E%2E%2E"),
        Arguments.of("a.b", "a.b"),
        Arguments.of(".hidden", ".hidden"),
        Arguments.of("\u0000", "%00"),
        Arguments.of("a\nb\tc\u001F", "a%0Ab%09c%1F"),
        Arguments.of("\u007F", "%7F"),
        Arguments.of("\"#'*:?\\", "%22%23%27%2A%3A%3F%5C"),
        Arguments.of("{[]^}", "%7B%5B%5D%5E}"),
        Arguments.of("<>|&+,;@!$~`()", "<>|&+,;@!$~`()"),
        Arguments.of("Zürich 東京 🚀", "Zürich 東京 🚀"),
        Arguments.of("ABC", "ABC"));
  }

  @ParameterizedTest
  @MethodSource("escapingTable")
  void escapesLikeHiveAndNeverLeavesADotSegment(String value, String expected) {
    assertThat(escape(value)).isEqualTo(expected);
    assertThat(unescape(expected)).isEqualTo(value);
  }

  @Test
  void nullAndEmptyBecomeTheDefaultPartition() {
    assertThat(escape(null)).isEqualTo(DEFAULT_PARTITION);
    assertThat(escape("")).isEqualTo(DEFAULT_PARTITION);
  }

  @Test
  void anUnpairedSurrogateBecomesTheReplacementCharacter() {
    assertThat(escape("a\uD800b")).isEqualTo("a\uFFFDb");
    assertThat(escape("\uDC00")).isEqualTo("\uFFFD");
    assertThat(escape("x\uD83D")).isEqualTo("x\uFFFD");
  }

  @Test
  void aValueOfExactly200BytesIsKept() {
    String value = "é".repeat(100);

    assertThat(escape(value)).isEqualTo(value);
  }

  @Test
  void aLongValueIsCutTo200BytesWithAHashSuffix() {
    String escaped = escape("a".repeat(1000));

    assertThat(escaped).matches("a{183}~[0-9a-f]{16}");
    assertThat(escaped.getBytes(StandardCharsets.UTF_8)).hasSize(200);
  }

  @Test
  void theHashSuffixIsStableAndTellsApartValuesThatDifferAfterTheCut() {
    String a = "k".repeat(300) + "a";
    String b = "k".repeat(300) + "b";

    assertThat(escape(a)).isEqualTo(escape(a));
    assertThat(escape(a)).isNotEqualTo(escape(b));
    assertThat(escape(a)).startsWith("k".repeat(183) + "~");
  }

  @Test
  void theCutNeverSplitsAnEscapeOrACharacter() {
    String escapes = escape("/".repeat(100));
    String emoji = escape("🚀".repeat(100));

    assertThat(escapes).matches("(%2F){61}~[0-9a-f]{16}");
    assertThat(emoji).matches("(🚀){45}~[0-9a-f]{16}");
    assertThat(emoji.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
  }

  @Test
  void aLongValueOfDotsIsCutAsEscapes() {
    assertThat(escape(".".repeat(100))).matches("(%2E){61}~[0-9a-f]{16}");
  }

  @Test
  void unescapeKeepsWhatIsNotAnEscape() {
    assertThat(unescape("100%")).isEqualTo("100%");
    assertThat(unescape("%zz%4")).isEqualTo("%zz%4");
    assertThat(unescape("%2f%2F")).isEqualTo("//");
  }

  @Test
  void theDefaultPartitionValueIsKeptAsIs() {
    assertThat(escape(DEFAULT_PARTITION)).isEqualTo(DEFAULT_PARTITION);
    assertThat(unescape(DEFAULT_PARTITION)).isEqualTo(DEFAULT_PARTITION);
  }

  @Test
  void keyValueJoinsNameAndEscapedValue() {
    assertThat(HivePartitionValues.keyValue("region", "eu/west")).isEqualTo("region=eu%2Fwest");
  }
}
