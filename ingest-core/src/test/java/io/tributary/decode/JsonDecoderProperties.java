package io.tributary.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class JsonDecoderProperties {

  private static final ObjectMapper PLAIN = JsonArbitraries.PLAIN_MAPPER;
  private static final ObjectMapper ASCII = JsonArbitraries.ASCII_MAPPER;

  private final JsonDecoder decoder = new JsonDecoder(DecodeLimits.defaults());
  private final JsonDecoder shallow = new JsonDecoder(new DecodeLimits(64, 3));

  @Provide
  Arbitrary<Map<String, Object>> objects() {
    return JsonArbitraries.objects(3);
  }

  @Provide
  Arbitrary<byte[]> jsonish() {
    return JsonArbitraries.jsonishBytes();
  }

  @Property(tries = 2000)
  void arbitraryBytesNeverThrowAndAlwaysGiveAResult(@ForAll @Size(max = 300) byte[] bytes) {
    assertWellFormedResult(decoder.decode(bytes));
    assertWellFormedResult(shallow.decode(bytes));
  }

  @Property(tries = 3000)
  void jsonLikeBytesNeverThrowAndAlwaysGiveAResult(@ForAll("jsonish") byte[] bytes) {
    assertWellFormedResult(decoder.decode(bytes));
    assertWellFormedResult(shallow.decode(bytes));
  }

  @Property(tries = 500)
  void decodingASliceGivesTheSameResultAsDecodingItsCopy(
      @ForAll("jsonish") byte[] bytes, @ForAll @IntRange(max = 9) int before, @ForAll @IntRange(max = 9) int after) {
    byte[] padded = new byte[before + bytes.length + after];
    Arrays.fill(padded, (byte) '}');
    System.arraycopy(bytes, 0, padded, before, bytes.length);

    assertThat(decoder.decode(padded, before, bytes.length)).isEqualTo(decoder.decode(bytes));
  }

  @Property(tries = 500)
  void objectsWrittenByDatabindDecodeToAnEqualValueModel(@ForAll("objects") Map<String, Object> object)
      throws Exception {
    for (ObjectMapper mapper : List.of(PLAIN, ASCII)) {
      byte[] json = mapper.writeValueAsBytes(object);

      DecodeResult result = decoder.decode(json);

      assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
      DecodeResult.Decoded decoded = (DecodeResult.Decoded) result;
      assertThat(decoded.event()).isEqualTo(object);
      assertThat(decoded.duplicateKeys()).isZero();
      // Same bytes back means same key order at every level, not just equal maps.
      assertThat(mapper.writeValueAsBytes(decoded.event())).isEqualTo(json);
    }
  }

  @Property(tries = 300)
  void truncatingAValidObjectNeverDecodes(
      @ForAll("objects") Map<String, Object> object, @ForAll @IntRange(min = 1, max = 1000) int cut) throws Exception {
    byte[] json = PLAIN.writeValueAsBytes(object);
    int length = json.length - Math.min(cut, json.length);

    DecodeResult result = decoder.decode(json, 0, length);

    assertThat(result).isInstanceOf(DecodeResult.Failed.class);
  }

  private static void assertWellFormedResult(DecodeResult result) {
    assertThat(result).isInstanceOfAny(DecodeResult.Decoded.class, DecodeResult.Failed.class);
    if (result instanceof DecodeResult.Decoded decoded) {
      assertThat(decoded.event()).isInstanceOf(JsonObject.class);
      assertValueModel(decoded.event());
    } else {
      assertThat(((DecodeResult.Failed) result).error().reason()).isNotBlank();
    }
  }

  /** Every value is one of the model's types, and every string could be written as UTF-8. */
  private static void assertValueModel(Object value) {
    if (value == null || value instanceof Boolean || value instanceof Long || value instanceof BigNumber) {
      return;
    }
    if (value instanceof Double d) {
      assertThat(d).isFinite();
    } else if (value instanceof String s) {
      assertThat(Surrogates.loneSurrogate(s)).isEqualTo(-1);
    } else if (value instanceof JsonObject map) {
      map.forEach((k, v) -> {
        assertValueModel(k);
        assertValueModel(v);
      });
    } else if (value instanceof ArrayList<?> list) {
      list.forEach(JsonDecoderProperties::assertValueModel);
    } else {
      throw new AssertionError("not a value of the model: " + value.getClass());
    }
  }
}
