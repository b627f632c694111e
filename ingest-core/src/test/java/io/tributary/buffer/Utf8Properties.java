package io.tributary.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The buffer's own UTF-8 encoder writes exactly what {@link String#getBytes} writes, lone surrogates included. */
class Utf8Properties {

  /** Any chars: ASCII, two- and three-byte ones, surrogate pairs, and surrogates alone or out of order. */
  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u007f')
        .withCharRange('\u0080', '\u07ff')
        .withCharRange('\u0800', '\uffff')
        .withChars('\ud83d', '\ude80', '\ud800', '\udfff')
        .ofMaxLength(40);
  }

  @Property(tries = 3000)
  void encodesAsStringGetBytesDoes(@ForAll("strings") String s) {
    byte[] expected = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[expected.length + 3];
    int end = Utf8.encode(s, out, 2);

    assertThat(Utf8.length(s)).isEqualTo(expected.length);
    assertThat(end).isEqualTo(2 + expected.length);
    assertThat(Arrays.copyOfRange(out, 2, end)).isEqualTo(expected);
  }

  @Property(tries = 500)
  void aStringWrittenToTheArenaReadsBackWhetherItFitsItsChunkOrNot(
      @ForAll("strings") String s, @ForAll("padding") int padding) {
    ByteArena arena = new ByteArena();
    arena.write(new byte[padding], 0, padding);
    arena.writeUtf8(s);
    ByteArena.Reader reader = arena.reader();
    reader.skip(padding);

    String expected = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThat(reader.readUtf8((int) reader.readVarLong())).isEqualTo(expected);
    assertThat(reader.hasMore()).isFalse();
  }

  /** Paddings that leave the string at, around and past the end of the first chunk. */
  @Provide
  Arbitrary<Integer> padding() {
    return Arbitraries.integers().between(ByteArena.MIN_CHUNK - 60, ByteArena.MIN_CHUNK + 2);
  }
}
