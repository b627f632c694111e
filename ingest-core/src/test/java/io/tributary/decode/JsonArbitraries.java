package io.tributary.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators shared by the decode properties. */
final class JsonArbitraries {

  /** Writes \\uXXXX escapes for every non-ASCII character, so that surrogate pairs appear as escapes. */
  static final ObjectMapper ASCII_MAPPER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  static final ObjectMapper PLAIN_MAPPER = new ObjectMapper();

  private static final List<String> PIECES = List.of(
      "{", "}", "[", "]", "\"", ":", ",", " ", "\n", "0", "1", "-", ".", "e", "E", "+", "9223372036854775808",
      "1e400", "true", "false", "null", "NaN", "Infinity", "-Infinity", "\\", "\\u", "\\ud800", "\\udc00",
      "\\ud83d\\ude00", "\\ud83d", "a", "\"a\"", "\"a\":", "é", "😀", "'", "/*", "//", "\t", "\u0000", "\uFEFF");

  private JsonArbitraries() {}

  /** Strings of any Unicode scalar values (no lone surrogates), biased towards ASCII, quotes and escapes. */
  static Arbitrary<String> unicodeStrings() {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
            Tuple.of(1, Arbitraries.of(0x00, 0x01, 0x1F, (int) '"', (int) '\\', (int) '/', 0x7F)),
            Tuple.of(2, Arbitraries.integers().between(0x80, 0xFFFF).filter(c -> c < 0xD800 || c > 0xDFFF)),
            Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    return codePoint.list().ofMaxSize(10).map(cps -> {
      StringBuilder sb = new StringBuilder();
      cps.forEach(sb::appendCodePoint);
      return sb.toString();
    });
  }

  /** JSON objects in the decoder's value model, nested up to {@code depth} containers below the top. */
  static Arbitrary<Map<String, Object>> objects(int depth) {
    return Arbitraries.maps(unicodeStrings(), values(depth)).ofMaxSize(4).map(LinkedHashMap::new);
  }

  private static Arbitrary<Object> values(int depth) {
    List<Arbitrary<? extends Object>> choices = new ArrayList<>(List.of(
        unicodeStrings(),
        Arbitraries.longs(),
        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L),
        Arbitraries.doubles(), // finite only: NaN and infinities are not JSON
        Arbitraries.of(-0.0d, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 0.1),
        Arbitraries.of(true, false)));
    if (depth > 0) {
      choices.add(objects(depth - 1));
      choices.add(values(depth - 1).list().ofMaxSize(4).map(ArrayList::new));
    }
    return Arbitraries.<Object>oneOf(choices).injectNull(0.1);
  }

  /**
   * Nearly-JSON bytes: valid objects (some written with escapes only) or soups of JSON fragments, then a few
   * random edits: insert a fragment, delete a range, overwrite a byte, truncate.
   */
  static Arbitrary<byte[]> jsonishBytes() {
    Arbitrary<byte[]> soup = Arbitraries.of(PIECES).list().ofMaxSize(30)
        .map(ps -> String.join("", ps).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> valid = Combinators.combine(objects(1), Arbitraries.of(PLAIN_MAPPER, ASCII_MAPPER))
        .as((object, mapper) -> write(mapper, object));
    Arbitrary<byte[]> base = Arbitraries.frequencyOf(Tuple.of(1, soup), Tuple.of(2, valid));
    Arbitrary<Edit> edit = Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.of(PIECES),
            Arbitraries.integers().between(1, 8),
            Arbitraries.bytes())
        .as(Edit::new);
    return Combinators.combine(base, edit.list().ofMaxSize(3)).as((bytes, edits) -> {
      byte[] out = bytes;
      for (Edit e : edits) {
        out = e.apply(out);
      }
      return out;
    });
  }

  private static byte[] write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One random change to a payload; the position is taken modulo the payload's length. */
  private record Edit(int kind, int position, String piece, int length, byte value) {
    byte[] apply(byte[] in) {
      int at = in.length == 0 ? 0 : position % (in.length + 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      switch (kind) {
        case 0 -> {
          out.write(in, 0, at);
          out.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
          out.write(in, at, in.length - at);
        }
        case 1 -> {
          out.write(in, 0, at);
          int resume = Math.min(in.length, at + length);
          out.write(in, resume, in.length - resume);
        }
        case 2 -> {
          out.writeBytes(in);
          byte[] copy = out.toByteArray();
          if (at < copy.length) {
            copy[at] = value;
          }
          return copy;
        }
        default -> out.write(in, 0, at);
      }
      return out.toByteArray();
    }
  }
}
