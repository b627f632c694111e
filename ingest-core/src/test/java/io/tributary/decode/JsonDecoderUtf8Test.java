package io.tributary.decode;

import static io.tributary.decode.JsonDecoderTest.decoded;
import static io.tributary.decode.JsonDecoderTest.failure;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.error.ErrorType;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Every class of invalid UTF-8 is a DECODE error naming the byte where the bad sequence starts. */
class JsonDecoderUtf8Test {

  private final JsonDecoder decoder = new JsonDecoder(DecodeLimits.defaults());

  /** {@code {"s":"<bytes>"}}: the bad bytes start at offset 6. */
  private static byte[] inString(int... bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"s\":\"".getBytes(UTF_8));
    for (int b : bytes) {
      out.write(b);
    }
    out.writeBytes("\"}".getBytes(UTF_8));
    return out.toByteArray();
  }

  private DecodeError failureIn(int... bytes) {
    return failure(decoder, inString(bytes));
  }

  @Test
  void validFourByteEmojiDecodes() {
    assertThat(decoded(decoder, inString(0xF0, 0x9F, 0x98, 0x80)).event()).containsEntry("s", "😀");
  }

  @Test
  void validCharactersOfEveryLengthAtTheirBoundariesDecode() {
    String text = "\u0080\u07FF\u0800\uFFFD\uE000\uD7FF\uD800\uDC00\uDBFF\uDFFF";

    assertThat(decoded(decoder, ("{\"s\":\"" + text + "\"}").getBytes(UTF_8)).event()).containsEntry("s", text);
  }

  @Test
  void truncatedSequenceInsideAStringIsInvalid() {
    DecodeError error = failureIn(0xE2, 0x82);

    assertThat(error.type()).isEqualTo(ErrorType.DECODE);
    assertThat(error.reason()).startsWith("invalid UTF-8 at byte 6: truncated 3-byte sequence");
  }

  @Test
  void truncatedSequenceAtTheEndOfThePayloadIsInvalid() {
    byte[] bytes = {'{', '}', ' ', (byte) 0xF0, (byte) 0x9F, (byte) 0x98};

    assertThat(failure(decoder, bytes).reason())
        .isEqualTo("invalid UTF-8 at byte 3: truncated 4-byte sequence at the end of the payload");
  }

  @Test
  void badContinuationByteIsInvalid() {
    assertThat(failureIn(0xC3, 0x41).reason())
        .isEqualTo("invalid UTF-8 at byte 6: truncated 2-byte sequence (byte 0x41 is not a continuation byte)");
  }

  @Test
  void strayContinuationByteIsInvalid() {
    assertThat(failureIn(0x41, 0x80).reason()).isEqualTo("invalid UTF-8 at byte 7: unexpected continuation byte 0x80");
  }

  @Test
  void overlongEncodingsAreInvalid() {
    assertThat(failureIn(0xC0, 0xAF).reason()).isEqualTo("invalid UTF-8 at byte 6: overlong encoding (lead byte 0xC0)");
    assertThat(failureIn(0xC1, 0xBF).reason()).startsWith("invalid UTF-8 at byte 6: overlong encoding");
    assertThat(failureIn(0xE0, 0x80, 0xAF).reason()).isEqualTo("invalid UTF-8 at byte 6: overlong encoding");
    assertThat(failureIn(0xF0, 0x80, 0x80, 0xAF).reason()).isEqualTo("invalid UTF-8 at byte 6: overlong encoding");
  }

  @Test
  void utf8EncodedSurrogatesAreInvalid() {
    assertThat(failureIn(0xED, 0xA0, 0x80).reason()).startsWith("invalid UTF-8 at byte 6: encoded surrogate");
    assertThat(failureIn(0xED, 0xBF, 0xBF).reason()).startsWith("invalid UTF-8 at byte 6: encoded surrogate");
    // CESU-8's way of writing an emoji: a surrogate pair, each half encoded on its own.
    assertThat(failureIn(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80).reason()).startsWith("invalid UTF-8 at byte 6");
  }

  @Test
  void codePointsAboveTheUnicodeRangeAreInvalid() {
    assertThat(failureIn(0xF4, 0x90, 0x80, 0x80).reason())
        .isEqualTo("invalid UTF-8 at byte 6: code point above U+10FFFF");
    assertThat(failureIn(0xF5, 0x80, 0x80, 0x80).reason())
        .isEqualTo("invalid UTF-8 at byte 6: code point above U+10FFFF (lead byte 0xF5)");
  }

  @Test
  void bytesThatNeverAppearInUtf8AreInvalid() {
    assertThat(failureIn(0xFF).reason()).isEqualTo("invalid UTF-8 at byte 6: byte 0xFF never appears in UTF-8");
    assertThat(failureIn(0xFE).reason()).isEqualTo("invalid UTF-8 at byte 6: byte 0xFE never appears in UTF-8");
  }

  @Test
  void invalidUtf8OutsideStringsIsReportedAsUtf8NotAsJson() {
    byte[] bytes = {'{', (byte) 0xC3, '}'};

    assertThat(failure(decoder, bytes).reason()).startsWith("invalid UTF-8 at byte 1");
  }

  @Test
  void invalidByteAfterALongAsciiRunIsFoundAtItsOffset() {
    byte[] ascii = ("{\"s\":\"" + "a".repeat(37)).getBytes(UTF_8);
    byte[] bytes = new byte[ascii.length + 3];
    System.arraycopy(ascii, 0, bytes, 0, ascii.length);
    bytes[ascii.length] = (byte) 0x80;
    bytes[ascii.length + 1] = '"';
    bytes[ascii.length + 2] = '}';

    assertThat(failure(decoder, bytes).reason()).startsWith("invalid UTF-8 at byte " + ascii.length + ":");
  }
}
