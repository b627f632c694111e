package io.tributary.routing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateParsingTest {
  private static final String ALLOWED = "allowed are literal text and the tokens {topic}, {stream}, {partition}, "
      + "{field:<dotted.path>}";

  @ParameterizedTest
  @ValueSource(strings = {"{topic}", "{stream}", "{partition}", "{field:type}", "{field:a.b.c}", "events",
      "{topic}_{field:type}", "x{topic}y{partition}z", "{field:a}{field:b}", "{field:has space}"})
  void acceptsLiteralTextAndKnownTokens(String template) {
    assertThatCode(() -> DatasetRouters.template(template, null)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "''{0}'': {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      {foo}                   | unknown token '{foo}' at position 0
      {topic}_{Topic}         | unknown token '{Topic}' at position 8
      orders_{ topic }        | unknown token '{ topic }' at position 7
      {}                      | unknown token '{}' at position 0
      {fields:type}           | unknown token '{fields:type}' at position 0
      {topic                  | unclosed '{' at position 0
      a_{field:type           | unclosed '{' at position 2
      {to{pic}                | unclosed '{' at position 0
      topic}                  | unmatched '}' at position 5
      {topic}}                | unmatched '}' at position 7
      {field:}                | empty field path in token '{field:}' at position 0
      x{field:a..b}           | field path 'a..b' has an empty segment in token '{field:a..b}' at position 1
      {field:.a}              | field path '.a' has an empty segment in token '{field:.a}' at position 0
      ""                      | it is empty
      " - "                   | it has no tokens and its text has no usable characters
      __                      | it has no tokens and its text has no usable characters
      """)
  void rejectsInvalidTemplatesNamingTemplatePositionAndWhatIsAllowed(String template, String what) {
    assertThatThrownBy(() -> DatasetRouters.template(template, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid routing template '" + template + "': ")
        .hasMessageContaining(what)
        .hasMessageContaining(ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "__"})
  void rejectsAFallbackWithoutUsableCharacters(String fallback) {
    assertThatThrownBy(() -> DatasetRouters.template("{field:type}", fallback))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid fallback dataset '" + fallback + "'");
  }
}
