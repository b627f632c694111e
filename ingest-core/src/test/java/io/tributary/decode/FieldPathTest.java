package io.tributary.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.decode.FieldPath.Lookup;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldPathTest {
  private static final Map<String, Object> EVENT = event("""
      {"type": "order", "n": 42, "ok": true, "x": 1.5, "big": 123456789012345678901234567890,
       "meta": {"region": "eu", "tags": ["a"], "gone": null, "inner": {"deep": 7}}}
      """);

  @ParameterizedTest(name = "''{0}'' {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ""    | is empty
      .     | has an empty segment
      a.    | has an empty segment
      .a    | has an empty segment
      a..b  | has an empty segment
      """)
  void aPathWithAnEmptySegmentIsRejectedWithWhyForTheCallersMessage(String path, String why) {
    assertThatThrownBy(() -> FieldPath.parse(path)).isInstanceOf(IllegalArgumentException.class).hasMessage(why);
  }

  @Test
  void aPathKeepsItsTextAndNamesItsLastSegment() {
    FieldPath path = FieldPath.parse("meta.inner.deep");
    assertThat(path).hasToString("meta.inner.deep");
    assertThat(path.lastSegment()).isEqualTo("deep");
    assertThat(FieldPath.parse("type").lastSegment()).isEqualTo("type");
  }

  @Test
  void valueInGivesTheRawValueOrNullWhenTheEventDoesNotSay() {
    assertThat(FieldPath.parse("meta.inner.deep").valueIn(EVENT)).isEqualTo(7L);
    assertThat(FieldPath.parse("meta.tags").valueIn(EVENT)).asList().containsExactly("a");
    assertThat(FieldPath.parse("meta.inner").valueIn(EVENT)).isInstanceOf(Map.class);
    assertThat(FieldPath.parse("meta.missing").valueIn(EVENT)).isNull();
    assertThat(FieldPath.parse("meta.gone").valueIn(EVENT)).isNull();
    assertThat(FieldPath.parse("type.sub").valueIn(EVENT)).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      type          | order
      n             | 42
      ok            | true
      x             | 1.5
      big           | 123456789012345678901234567890
      meta.region   | eu
      meta.inner.deep | 7
      """)
  void scalarsGiveTheirJsonText(String path, String text) {
    assertThat(FieldPath.parse(path).textIn(EVENT)).isEqualTo(new Lookup.Found(text));
    assertThat(FieldPath.parse(path).textOrNull(EVENT)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      missing         | is missing
      meta.missing    | is missing
      meta.gone       | is null
      meta            | is an object, not a scalar
      meta.tags       | is an array, not a scalar
      type.sub        | is missing: 'type' is a string, not an object
      meta.tags.first | is missing: 'meta.tags' is an array, not an object
      meta.gone.x     | is missing: 'meta.gone' is null, not an object
      """)
  void noTextSaysWhyAndTextOrNullIsNull(String path, String why) {
    assertThat(FieldPath.parse(path).textIn(EVENT)).isEqualTo(new Lookup.Absent(why));
    assertThat(FieldPath.parse(path).textOrNull(EVENT)).isNull();
  }

  private static Map<String, Object> event(String json) {
    DecodeResult result = new JsonDecoder(DecodeLimits.defaults()).decode(json.getBytes(StandardCharsets.UTF_8));
    return ((DecodeResult.Decoded) result).event();
  }
}
