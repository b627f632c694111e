package io.tributary.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The hand-written validator agrees with the JDK's strict UTF-8 decoder, including where it stops. */
class Utf8ValidatorProperties {

  /**
   * Valid characters, ASCII runs long enough for the eight-byte fast path, and sequences built from any lead byte
   * followed by bytes mostly in the continuation range: that reaches every class of invalid sequence.
   */
  @Provide
  Arbitrary<byte[]> nearlyUtf8() {
    Arbitrary<Integer> continuationish = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(0x80, 0xBF)),
        Tuple.of(1, Arbitraries.integers().between(0x00, 0xFF)));
    Arbitrary<byte[]> sequence = Combinators.combine(
            Arbitraries.integers().between(0x80, 0xFF), continuationish.list().ofMaxSize(3))
        .as((lead, rest) -> {
          byte[] out = new byte[1 + rest.size()];
          out[0] = lead.byteValue();
          for (int i = 0; i < rest.size(); i++) {
            out[i + 1] = rest.get(i).byteValue();
          }
          return out;
        });
    Arbitrary<byte[]> chunk = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().ascii().ofMaxLength(20).map(s -> s.getBytes(StandardCharsets.US_ASCII))),
        Tuple.of(3, Arbitraries.integers().between(0x80, 0x10FFFF).filter(c -> c < 0xD800 || c > 0xDFFF)
            .map(c -> new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8))),
        Tuple.of(2, sequence));
    return chunk.list().ofMaxSize(10).map(Utf8ValidatorProperties::concat);
  }

  @Property(tries = 5000)
  void agreesWithTheJdkDecoderOnValidityAndPosition(@ForAll("nearlyUtf8") byte[] bytes) {
    int scan = Utf8Validator.scan(bytes, 0, bytes.length);

    int jdk = jdkFirstInvalid(bytes);

    assertThat(scan < 0 ? -1 : scan).isEqualTo(jdk);
  }

  @Property(tries = 2000)
  void flagsBackslashesExactlyWhenPresent(@ForAll("nearlyUtf8") byte[] bytes) {
    int scan = Utf8Validator.scan(bytes, 0, bytes.length);
    boolean hasBackslash = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\\') >= 0;

    if (scan < 0) {
      assertThat(scan).isEqualTo(hasBackslash ? Utf8Validator.VALID_WITH_BACKSLASH : Utf8Validator.VALID);
    }
  }

  @Property(tries = 1000)
  void describesEveryInvalidSequence(@ForAll("nearlyUtf8") byte[] bytes) {
    int scan = Utf8Validator.scan(bytes, 0, bytes.length);

    if (scan >= 0) {
      assertThat(Utf8Validator.describe(bytes, scan, bytes.length)).isNotBlank();
    }
  }

  private static int jdkFirstInvalid(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 2);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return in.position();
    }
    return decoder.flush(out).isError() ? in.position() : -1;
  }

  private static byte[] concat(List<byte[]> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
