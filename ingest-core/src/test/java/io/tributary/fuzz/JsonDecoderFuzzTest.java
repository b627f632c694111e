package io.tributary.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tributary.decode.BigNumber;
import io.tributary.decode.DecodeLimits;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.decode.JsonObject;
import io.tributary.error.ErrorType;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes {@link JsonDecoder} with Jazzer (coverage-guided; {@code JAZZER_FUZZ=1}, which ingest-core's build sets for
 * its fuzz execution, else the inputs under {@code JsonDecoderFuzzTestInputs/} are replayed). Guards: no input makes
 * the decoder throw; an oversized input is always OVERSIZE; an accepted input is one JSON object no deeper than the
 * limit, holding only the value model's types and no unpaired surrogate, equal to what Jackson's own tree parser
 * makes of the same bytes; a wider limit never rejects what a narrower one accepted.
 */
class JsonDecoderFuzzTest {

  private static final DecodeLimits NARROW = new DecodeLimits(2_048, 6);
  private static final JsonDecoder DECODER = new JsonDecoder(NARROW);
  private static final JsonDecoder WIDE = new JsonDecoder(DecodeLimits.defaults());
  /** An independent parser: Jackson's tree model, strict JSON, nothing after the value. */
  private static final JsonMapper JACKSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build()).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  @FuzzTest(maxDuration = "40s")
  @DictionaryEntries({"{", "}", "[", "]", "\"", ":", ",", "\\u", "\\ud800", "\\udc00", "true", "false", "null",
      "NaN", "Infinity", "-Infinity", "1e400", "-0", "9223372036854775808", "0.1e-400", "\uFEFF", "\u00e9"})
  void decode(byte[] input) throws Exception {
    DecodeResult result = DECODER.decode(input);
    assertThat(result).isNotNull();
    if (input.length > NARROW.maxRecordBytes()) {
      assertThat(result).isInstanceOfSatisfying(DecodeResult.Failed.class,
          f -> assertThat(f.error().type()).isEqualTo(ErrorType.OVERSIZE));
      return;
    }
    if (result instanceof DecodeResult.Failed failed) {
      assertThat(failed.error().reason()).isNotBlank();
      return;
    }
    DecodeResult.Decoded decoded = (DecodeResult.Decoded) result;
    assertThat(decoded.event()).isInstanceOf(JsonObject.class);
    assertThat(depth(decoded.event())).as("depth of an accepted event").isLessThanOrEqualTo(NARROW.maxDepth());

    JsonNode tree = JACKSON.readTree(input);
    assertThat(tree.isObject()).as("Jackson reads an object").isTrue();
    assertSame(decoded.event(), tree, "");

    DecodeResult wide = WIDE.decode(input);
    assertThat(wide).as("a wider limit accepts what a narrower one did").isInstanceOf(DecodeResult.Decoded.class);
    assertThat(((DecodeResult.Decoded) wide).event()).isEqualTo(decoded.event());
  }

  private static int depth(Object value) {
    int deepest = 0;
    if (value instanceof Map<?, ?> map) {
      for (Object v : map.values()) {
        deepest = Math.max(deepest, depth(v));
      }
      return deepest + 1;
    }
    if (value instanceof List<?> list) {
      for (Object v : list) {
        deepest = Math.max(deepest, depth(v));
      }
      return deepest + 1;
    }
    return 0;
  }

  /** Our value model against Jackson's tree, value by value, keys in order. */
  private static void assertSame(Object ours, JsonNode theirs, String path) {
    if (ours instanceof Map<?, ?> map) {
      assertThat(theirs.isObject()).as("object at %s", path).isTrue();
      assertThat(map.size()).as("keys at %s", path).isEqualTo(theirs.size());
      Iterator<Map.Entry<String, JsonNode>> fields = theirs.fields();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Map.Entry<String, JsonNode> field = fields.next();
        assertThat(entry.getKey()).as("key order at %s", path).isEqualTo(field.getKey());
        assertNoLoneSurrogate((String) entry.getKey(), path);
        assertSame(entry.getValue(), field.getValue(), path + "/" + entry.getKey());
      }
    } else if (ours instanceof List<?> list) {
      assertThat(theirs.isArray()).as("array at %s", path).isTrue();
      assertThat(list.size()).as("elements at %s", path).isEqualTo(theirs.size());
      for (int i = 0; i < list.size(); i++) {
        assertSame(list.get(i), theirs.get(i), path + "/" + i);
      }
    } else if (ours == null) {
      assertThat(theirs.isNull()).as("null at %s", path).isTrue();
    } else if (ours instanceof String s) {
      assertNoLoneSurrogate(s, path);
      assertThat(theirs.isTextual() ? theirs.textValue() : theirs).as("string at %s", path).isEqualTo(s);
    } else if (ours instanceof Boolean b) {
      assertThat(theirs.isBoolean() && theirs.booleanValue() == b).as("boolean at %s", path).isTrue();
    } else if (ours instanceof Long l) {
      assertThat(theirs.isIntegralNumber() && theirs.canConvertToLong() && theirs.longValue() == l)
          .as("integer %s at %s, Jackson: %s", l, path, theirs).isTrue();
    } else if (ours instanceof Double d) {
      assertThat(theirs.isFloatingPointNumber() && theirs.doubleValue() == d)
          .as("double %s at %s, Jackson: %s", d, path, theirs).isTrue();
    } else if (ours instanceof BigNumber n) {
      if (theirs.isFloatingPointNumber() && Double.isInfinite(theirs.doubleValue())) {
        assertThat(Double.parseDouble(n.text())).as("overflowing number at %s", path)
            .isEqualTo(theirs.doubleValue());
      } else {
        assertThat(theirs.isBigInteger() && new BigDecimal(n.text()).compareTo(new BigDecimal(theirs.bigIntegerValue()))
            == 0).as("big number %s at %s, Jackson: %s", n.text(), path, theirs).isTrue();
      }
    } else {
      throw new AssertionError("A value outside the value model at " + path + ": " + ours.getClass());
    }
  }

  private static void assertNoLoneSurrogate(String s, String path) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new AssertionError("An unpaired surrogate at " + path + " index " + i);
      }
    }
  }
}
