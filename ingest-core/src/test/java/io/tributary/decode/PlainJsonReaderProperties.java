package io.tributary.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast path ({@link PlainJsonReader}) decodes exactly what the Jackson path decodes, to the same values, and
 * leaves every failure to it: {@code decode} and {@code decodeWithJackson} agree on every input.
 */
class PlainJsonReaderProperties {
  private static final JsonDecoder DECODER = new JsonDecoder(new DecodeLimits(1 << 20, 5));

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertAgrees(byte[] payload) {
    assertThat(DECODER.decode(payload)).isEqualTo(DECODER.decodeWithJackson(payload));
  }

  @Provide
  Arbitrary<byte[]> jsonish() {
    return JsonArbitraries.jsonishBytes();
  }

  /** Number-like text: digits, signs, points, exponents, in any order, some long. */
  @Provide
  Arbitrary<String> numberTexts() {
    return Arbitraries.of("-", "0", "1", "5", "9", ".", "e", "E", "+", "00", "123456789", "0.1", "1e22", "1e23",
        "e-22", "e-23", "999999999999999", "9999999999999999").list().ofMinSize(1).ofMaxSize(6)
        .map(pieces -> String.join("", pieces));
  }

  /** Objects of strings without quotes, backslashes or control characters: written without escapes. */
  @Provide
  Arbitrary<Map<String, Object>> plainObjects() {
    return JsonArbitraries.objects(4).filter(o -> !JsonArbitraries.PLAIN_MAPPER.valueToTree(o).toString()
        .contains("\\"));
  }

  @Property(tries = 3000)
  void agreesWithJacksonOnJsonishBytes(@ForAll("jsonish") byte[] payload) {
    assertAgrees(payload);
  }

  @Property(tries = 2000)
  void agreesWithJacksonOnNumbers(@ForAll("numberTexts") String number) {
    assertAgrees(utf8("{\"n\":" + number + ",\"list\":[" + number + "]}"));
    assertAgrees(utf8("{\"n\":" + number + "}"));
  }

  @Property(tries = 1000)
  void readsLongDecimalsAsDoubleParseDoubleDoes(@ForAll long bits, @ForAll("digits") int digits) {
    double value = Double.longBitsToDouble(bits);
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return;
    }
    // Both the shortest text (Double.toString, 16-17 digits for most doubles) and longer, unrounded ones.
    for (String text : List.of(Double.toString(value).replace("E", "e"),
        new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).toString().replace("E+", "e"))) {
      byte[] payload = utf8("{\"n\":" + text + "}");
      DecodeResult.Decoded plain = PlainJsonReader.read(payload, 0, payload.length, 5, new FieldNames());
      if (plain != null && !(plain.event().get("n") instanceof Long)) { // "0", "12": integers, not doubles
        assertThat(plain.event().get("n")).as(text).isEqualTo(Double.parseDouble(text));
      }
    }
  }

  @Provide
  Arbitrary<Integer> digits() {
    return Arbitraries.integers().between(15, 25);
  }

  @Property(tries = 1000)
  void agreesWithJacksonOnWrittenObjects(@ForAll("plainObjects") Map<String, Object> object) throws Exception {
    byte[] payload = JsonArbitraries.PLAIN_MAPPER.writeValueAsBytes(object);
    assertAgrees(payload);
    assertAgrees(JsonArbitraries.PLAIN_MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(object));
  }

  @Example
  void typicalEventsTakeTheFastPathAndDeepOnesTheJacksonPath() {
    byte[] event = utf8("\uFEFF {\"ts\":1767225600000,\"user\":{\"id\":\"u-1\",\"é\":true},\"price\":12.34,"
        + "\"tags\":[\"a\",null,{}],\"ratio\":-0.0,\"n\":-0,\"dup\":1,\"dup\":2}\n");
    DecodeResult.Decoded plain = PlainJsonReader.read(event, 3, event.length, 5, new FieldNames());

    assertThat(plain).isNotNull().isEqualTo(DECODER.decodeWithJackson(event));
    assertThat(plain.duplicateKeys()).isEqualTo(1);
    assertThat(plain.event().get("price")).isEqualTo(12.34);
    assertThat(plain.event().get("ratio")).isEqualTo(-0.0);
    assertThat(plain.event().get("tags")).isEqualTo(java.util.Arrays.asList("a", null, Map.of()));
    byte[] longDecimal = utf8("{\"discount\":0.15000000000000002,\"tiny\":1e-400,\"e\":1.5E+300}");
    DecodeResult.Decoded parsed = PlainJsonReader.read(longDecimal, 0, longDecimal.length, 5, new FieldNames());
    assertThat(parsed).as("decimals past the exact fast path are still read").isNotNull()
        .isEqualTo(DECODER.decodeWithJackson(longDecimal));
    byte[] deep = utf8("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{}}}}}}");
    assertThat(PlainJsonReader.read(deep, 0, deep.length, 5, new FieldNames())).isNull();
    assertAgrees(deep);
    for (String giveUp : List.of("{\"a\":1e400}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":\"x\ty\"}", "{\"a\":1,}",
        "{\"a\":12345678901234567890}", "{\"a\":1.}", "{\"a\":tru}", "{} {}")) {
      byte[] payload = utf8(giveUp);
      assertThat(PlainJsonReader.read(payload, 0, payload.length, 5, new FieldNames())).as(giveUp).isNull();
      assertAgrees(payload);
    }
  }
}
