package io.tributary.decode;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.error.ErrorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The value model and the JSON-level errors. UTF-8 errors are in {@link JsonDecoderUtf8Test}. */
class JsonDecoderTest {

  private final JsonDecoder decoder = new JsonDecoder(DecodeLimits.defaults());

  static DecodeResult.Decoded decoded(JsonDecoder decoder, byte[] bytes) {
    DecodeResult result = decoder.decode(bytes);
    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    return (DecodeResult.Decoded) result;
  }

  static DecodeError failure(JsonDecoder decoder, byte[] bytes) {
    DecodeResult result = decoder.decode(bytes);
    assertThat(result).isInstanceOf(DecodeResult.Failed.class);
    return ((DecodeResult.Failed) result).error();
  }

  private Map<String, Object> event(String json) {
    return decoded(decoder, json.getBytes(UTF_8)).event();
  }

  private DecodeError failure(String json) {
    return failure(decoder, json.getBytes(UTF_8));
  }

  // ---- value model

  @Test
  void objectsBecomeJsonObjectsInDocumentOrder() {
    Map<String, Object> event = event("{\"z\":1,\"a\":{\"y\":2,\"b\":3},\"m\":4}");

    assertThat(event).isInstanceOf(JsonObject.class).containsOnlyKeys("z", "a", "m");
    assertThat(event.keySet()).containsExactly("z", "a", "m");
    assertThat(event.get("a")).isInstanceOf(JsonObject.class);
    assertThat(new ArrayList<Object>(((Map<?, ?>) event.get("a")).keySet())).containsExactly("y", "b");
  }

  @Test
  void scalarsMapToStringBooleanLongDoubleAndNull() {
    Map<String, Object> event = event("{\"s\":\"hi\",\"t\":true,\"f\":false,\"i\":42,\"d\":1.5,\"e\":2e3,\"n\":null}");

    assertThat(event.get("s")).isEqualTo("hi");
    assertThat(event.get("t")).isEqualTo(Boolean.TRUE);
    assertThat(event.get("f")).isEqualTo(Boolean.FALSE);
    assertThat(event.get("i")).isEqualTo(42L);
    assertThat(event.get("d")).isEqualTo(1.5d);
    assertThat(event.get("e")).isEqualTo(2000.0d);
    assertThat(event).containsKey("n");
    assertThat(event.get("n")).isNull();
  }

  @Test
  void arraysBecomeArrayListsKeepingNullElements() {
    Map<String, Object> event = event("{\"a\":[1,\"x\",null,[true],{\"k\":[]}]}");

    assertThat(event.get("a")).isInstanceOf(ArrayList.class);
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("k", List.of());
    assertThat(event.get("a")).isEqualTo(Arrays.asList(1L, "x", null, List.of(true), inner));
  }

  @Test
  void emptyObjectDecodesToEmptyMap() {
    assertThat(event("{}")).isEmpty();
  }

  @Test
  void longMinValueIsALong() {
    assertThat(event("{\"n\":-9223372036854775808}").get("n")).isEqualTo(Long.MIN_VALUE);
    assertThat(event("{\"n\":9223372036854775807}").get("n")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void integerBeyondSixtyFourBitsIsABigNumberWithTheExactText() {
    assertThat(event("{\"n\":18446744073709551616}").get("n")).isEqualTo(new BigNumber("18446744073709551616"));
    assertThat(event("{\"n\":-9223372036854775809}").get("n")).isEqualTo(new BigNumber("-9223372036854775809"));
  }

  @Test
  void doubleOverflowingToInfinityIsABigNumberWithTheExactText() {
    assertThat(event("{\"n\":1e400}").get("n")).isEqualTo(new BigNumber("1e400"));
    assertThat(event("{\"n\":-1.5E+400}").get("n")).isEqualTo(new BigNumber("-1.5E+400"));
  }

  @Test
  void escapesAndUnicodeDecodeToTheirCharacters() {
    Map<String, Object> event = event("{\"s\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00 é\",\"k\\u0041\":1}");

    assertThat(event.get("s")).isEqualTo("a\"b\\c\né😀 é");
    assertThat(event).containsKey("kA");
  }

  @Test
  void duplicateKeysKeepTheLastValueAndAreCountedAtEveryLevel() {
    String json = "{\"a\":1,\"b\":{\"x\":1,\"x\":2,\"x\":3},\"a\":null,\"c\":[{\"y\":1,\"y\":2}]}";

    DecodeResult.Decoded result = decoded(decoder, json.getBytes(UTF_8));

    assertThat(result.duplicateKeys()).isEqualTo(4);
    assertThat(result.event().keySet()).containsExactly("a", "b", "c");
    assertThat(result.event().get("a")).isNull();
    assertThat(result.event().get("b")).isEqualTo(Map.of("x", 3L));
    assertThat(result.event().get("c")).isEqualTo(List.of(Map.of("y", 2L)));
  }

  @Test
  void objectWithoutDuplicatesCountsZero() {
    assertThat(decoded(decoder, "{\"a\":1,\"b\":2}".getBytes(UTF_8)).duplicateKeys()).isZero();
  }

  @Test
  void tenThousandDistinctKeysAreNotAnError() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 10_000; i++) {
      json.append(i == 0 ? "" : ",").append("\"key").append(i).append("\":").append(i);
    }
    Map<String, Object> event = event(json.append('}').toString());

    assertThat(event).hasSize(10_000).containsEntry("key9999", 9999L);
  }

  @Test
  void leadingByteOrderMarkAndSurroundingWhitespaceAreSkipped() {
    byte[] json = " {\"a\":1} \r\n\t".getBytes(UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);

    assertThat(decoded(decoder, withBom).event()).isEqualTo(Map.of("a", 1L));
  }

  @Test
  void aSecondByteOrderMarkIsMalformed() {
    // Found by JsonDecoderFuzzTest: Jackson skipped a byte order mark after the one the decoder had skipped.
    byte[] json = "{\"a\":1}".getBytes(UTF_8);
    byte[] twoBoms = new byte[json.length + 6];
    for (int i = 0; i < 6; i += 3) {
      twoBoms[i] = (byte) 0xEF;
      twoBoms[i + 1] = (byte) 0xBB;
      twoBoms[i + 2] = (byte) 0xBF;
    }
    System.arraycopy(json, 0, twoBoms, 6, json.length);

    DecodeResult result = decoder.decode(twoBoms);

    assertThat(result).isInstanceOf(DecodeResult.Failed.class);
    assertThat(((DecodeResult.Failed) result).error())
        .isEqualTo(new DecodeError(ErrorType.DECODE, "malformed JSON at byte 3: a second byte order mark"));
  }

  @Test
  void decodesOnlyTheGivenRangeAndCountsOffsetsFromItsStart() {
    byte[] buffer = "garbage{\"a\":1}garbage".getBytes(UTF_8);

    assertThat(decoder.decode(buffer, 7, 7)).isEqualTo(new DecodeResult.Decoded(Map.of("a", 1L), 0));
    DecodeResult trailing = decoder.decode(buffer, 7, 9);
    assertThat(((DecodeResult.Failed) trailing).error().reason())
        .isEqualTo("trailing content after the JSON object at byte 7");
  }

  @Test
  void rejectsNullArrayAndOutOfRangeSlice() {
    assertThatThrownBy(() -> decoder.decode(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> decoder.decode(null, 0, 0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> decoder.decode(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  // ---- size and depth

  @Test
  void payloadOverTheSizeLimitIsOversizeBeforeAnyParsing() {
    JsonDecoder small = new JsonDecoder(new DecodeLimits(10, 64));

    DecodeError error = failure(small, "{\"abcd\":\"\u00ff".getBytes(UTF_8)); // 11 bytes, and not even valid JSON

    assertThat(error.type()).isEqualTo(ErrorType.OVERSIZE);
    assertThat(error.reason()).isEqualTo("record is 11 bytes, over the limit of 10 bytes");
  }

  @Test
  void payloadExactlyAtTheSizeLimitIsDecoded() {
    JsonDecoder small = new JsonDecoder(new DecodeLimits(7, 64));

    assertThat(decoded(small, "{\"a\":1}".getBytes(UTF_8)).event()).containsEntry("a", 1L);
  }

  @Test
  void nestingAtTheDepthLimitIsDecodedAndOneDeeperIsTooDeep() {
    JsonDecoder shallow = new JsonDecoder(new DecodeLimits(1000, 3));

    assertThat(decoded(shallow, "{\"a\":{\"b\":[1]}}".getBytes(UTF_8)).event()).containsKey("a");
    DecodeError error = failure(shallow, "{\"a\":{\"b\":[[1]]}}".getBytes(UTF_8));
    assertThat(error.type()).isEqualTo(ErrorType.TOO_DEEP);
    assertThat(error.reason()).isEqualTo("nesting deeper than the limit of 3 levels at byte 11");
  }

  @Test
  void topLevelObjectIsDepthOne() {
    JsonDecoder flat = new JsonDecoder(new DecodeLimits(1000, 1));

    assertThat(decoded(flat, "{\"a\":1}".getBytes(UTF_8)).event()).containsEntry("a", 1L);
    assertThat(failure(flat, "{\"a\":{}}".getBytes(UTF_8)).type()).isEqualTo(ErrorType.TOO_DEEP);
  }

  @Test
  void millionNestedArraysInsideAnObjectAreTooDeepWithoutStackOverflow() {
    byte[] json = ("{\"a\":" + "[".repeat(1_000_000)).getBytes(UTF_8);

    DecodeError error = failure(decoder, json);

    assertThat(error.type()).isEqualTo(ErrorType.TOO_DEEP);
    assertThat(error.reason()).contains("limit of 64 levels");
  }

  @Test
  void millionNestedArraysAtTopLevelAreTooDeepWithoutStackOverflow() {
    DecodeError error = failure(decoder, "[".repeat(1_000_000).getBytes(UTF_8));

    assertThat(error.type()).isEqualTo(ErrorType.TOO_DEEP);
    assertThat(error.reason()).isEqualTo("nesting deeper than the limit of 64 levels at byte 64");
  }

  @Test
  void depthLimitsAboveJacksonsDefaultAreHonoured() {
    JsonDecoder deep = new JsonDecoder(new DecodeLimits(DecodeLimits.DEFAULT_MAX_RECORD_BYTES, 2000));
    String json = "{\"a\":" + "[".repeat(1999) + "]".repeat(1999) + "}";

    assertThat(decoded(deep, json.getBytes(UTF_8)).event()).containsKey("a");
  }

  @Test
  void keyLongerThanJacksonsDefaultNameLimitIsDecodedWithinOurSizeLimit() {
    String name = "k".repeat(60_000);

    assertThat(event("{\"" + name + "\":1}")).containsEntry(name, 1L);
  }

  @Test
  void stringLongerThanJacksonsDefaultStringLimitIsDecodedWithinOurSizeLimit() {
    JsonDecoder large = new JsonDecoder(new DecodeLimits(22_000_000, 64));
    String big = "x".repeat(21_000_000);

    Map<String, Object> event = decoded(large, ("{\"s\":\"" + big + "\"}").getBytes(UTF_8)).event();

    assertThat(event.get("s")).isEqualTo(big);
  }

  // ---- not an object

  @Test
  void emptyPayloadIsADecodeError() {
    assertThat(failure("")).isEqualTo(new DecodeError(ErrorType.DECODE, "empty payload"));
  }

  @Test
  void whitespaceOnlyPayloadIsAnEmptyPayload() {
    assertThat(failure(" \n\t\r ")).isEqualTo(new DecodeError(ErrorType.DECODE, "empty payload"));
    assertThat(failure("\uFEFF  ")).isEqualTo(new DecodeError(ErrorType.DECODE, "empty payload"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]:array", "[:array", "\"s\":string", "12:number", "-1.5:number", "true:boolean",
      "false:boolean", "null:null"})
  void topLevelValueThatIsNotAnObjectIsNamed(String jsonAndKind) {
    int colon = jsonAndKind.lastIndexOf(':');

    DecodeError error = failure(jsonAndKind.substring(0, colon));

    assertThat(error)
        .isEqualTo(new DecodeError(ErrorType.DECODE, "not a JSON object: found " + jsonAndKind.substring(colon + 1)));
  }

  @Test
  void trailingContentAfterTheObjectIsADecodeErrorWithItsOffset() {
    assertThat(failure("{\"a\":1}  x").reason()).isEqualTo("trailing content after the JSON object at byte 9");
    assertThat(failure("{}{}").reason()).isEqualTo("trailing content after the JSON object at byte 2");
    assertThat(failure("{} ,").type()).isEqualTo(ErrorType.DECODE);
  }

  // ---- malformed

  @ParameterizedTest
  @ValueSource(strings = {
      "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":\"abc", "{\"a\":[1,2}", "{\"a\":1]", "}", "{\"a\" 1}",
      "{\"a\":tru}", "{\"a\":nul}", "{\"a\":1,}", "{\"a\":[1,]}", "{'a':1}", "{\"a\":'x'}", "{a:1}",
      "{/*c*/\"a\":1}", "{\"a\":1}//c", "{\"a\":1 # c\n}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":1.}",
      "{\"a\":1e}", "{\"a\":0x10}", "{\"a\":\"\t\"}", "{\"a\":\"\n\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}",
      "{\"a\"::1}", "{,}", "{\"a\":1,,\"b\":2}"})
  void malformedJsonIsADecodeErrorWithAnOffset(String json) {
    DecodeError error = failure(json);

    assertThat(error.type()).isEqualTo(ErrorType.DECODE);
    assertThat(error.reason()).matches("(?s)(malformed JSON at byte \\d+: |trailing content after).+");
  }

  @Test
  void malformedReasonNamesTheProblemWithoutJacksonNoise() {
    DecodeError unterminated = failure("{\"a\":1");
    DecodeError badToken = failure("{\"a\":tru}");

    assertThat(unterminated.reason()).startsWith("malformed JSON at byte 6: Unexpected end-of-input")
        .doesNotContain("REDACTED");
    assertThat(badToken.reason()).startsWith("malformed JSON at byte").contains("'tru'").doesNotContain("NaN");
  }

  @Test
  void unescapedControlCharacterInAStringNamesTheCharacter() {
    assertThat(failure("{\"a\":\"x\u0001\"}").reason()).contains("CTRL-CHAR, code 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "+Infinity"})
  void nonNumericNumbersAreADecodeErrorSayingTheyAreNotJson(String token) {
    DecodeError error = failure("{\"a\":[1," + token + "]}");

    assertThat(error)
        .isEqualTo(new DecodeError(
            ErrorType.DECODE, "NaN and Infinity are not JSON numbers: found " + token + " at byte 8"));
  }

  @Test
  void nonNumericNumberAtTopLevelSaysItIsNotAJsonNumber() {
    assertThat(failure("NaN").reason()).isEqualTo("NaN and Infinity are not JSON numbers: found NaN at byte 0");
  }

  @Test
  void numberLongerThanTheNumberLengthLimitIsADecodeErrorSayingSo() {
    DecodeError error = failure("{\"a\":" + "1".repeat(1001) + "}");

    assertThat(error.type()).isEqualTo(ErrorType.DECODE);
    assertThat(error.reason()).startsWith("value too long at byte").contains("Number value length (1001)");
  }

  @Test
  void numberOfAThousandDigitsIsKeptExactly() {
    String digits = "9".repeat(1000);

    assertThat(event("{\"a\":" + digits + "}").get("a")).isEqualTo(new BigNumber(digits));
  }

  @Test
  void escapedLoneSurrogateInAValueIsADecodeError() {
    DecodeError error = failure("{\"a\":\"x\\ud800y\"}");

    assertThat(error).isEqualTo(new DecodeError(
        ErrorType.DECODE, "invalid string at byte 5: escaped lone surrogate \\uD800 has no UTF-8 encoding"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":\"\\udc00\"}", "{\"a\":\"\\ud800\\ud800\"}", "{\"a\":\"\\ude00\\ud83d\"}",
      "{\"\\ud800\":1}", "{\"a\":[\"\\udbff\"]}", "{\"a\":\"\\ud83d\"}"})
  void everyUnpairedEscapedSurrogateIsADecodeError(String json) {
    DecodeError error = failure(json);

    assertThat(error.type()).isEqualTo(ErrorType.DECODE);
    assertThat(error.reason()).containsIgnoringCase("surrogate");
  }

  @Test
  void nulBytesAtTheStartAreNotMistakenForUtf16() {
    byte[] utf16le = "{\"a\":\"x\"}".getBytes(UTF_16LE);

    DecodeError error = failure(decoder, utf16le);

    assertThat(error.type()).isEqualTo(ErrorType.DECODE);
    assertThat(error.reason()).startsWith("malformed JSON at byte 1: NUL byte");
  }

  @Test
  void nulByteLaterInThePayloadIsMalformed() {
    assertThat(failure("{\"abc\":\u0000}").reason()).startsWith("malformed JSON at byte").contains("code 0");
  }

  @Test
  void decoderIsUsableFromManyThreadsAtOnce() throws Exception {
    byte[] json = "{\"a\":[1,{\"b\":\"c\"}],\"d\":2.5}".getBytes(UTF_8);
    Map<String, Object> expected = event("{\"a\":[1,{\"b\":\"c\"}],\"d\":2.5}");
    List<Thread> threads = new ArrayList<>();
    List<Object> mismatches = Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 2_000; i++) {
          DecodeResult result = decoder.decode(json);
          if (!(result instanceof DecodeResult.Decoded d) || !d.event().equals(expected)) {
            mismatches.add(result);
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(mismatches).isEmpty();
  }
}
