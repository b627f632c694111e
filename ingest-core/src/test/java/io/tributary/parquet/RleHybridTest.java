package io.tributary.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.junit.jupiter.api.Test;

/** Levels and dictionary ids as Parquet's RLE/bit-packing hybrid: read back by parquet-java's own decoder. */
class RleHybridTest {

  @Property(tries = 300)
  void everySequenceDecodesToItselfWithParquetJavasDecoder(@ForAll @IntRange(min = 0, max = 31) int bitWidth,
      @ForAll @IntRange(min = 0, max = 3_000) int count, @ForAll long seed) throws Exception {
    int[] values = runs(new SplittableRandom(seed), count, bitWidth);

    assertThat(decode(encode(values, bitWidth), bitWidth, count)).containsExactly(values);
  }

  @Test
  void aLongRepeatIsOneRunOfAFewBytes() throws Exception {
    int[] values = new int[20_000];
    Arrays.fill(values, 3);

    byte[] encoded = encode(values, 2);

    assertThat(encoded).hasSize(4); // a 3-byte varint header (20,000 << 1) and the value's one byte
    assertThat(decode(encoded, 2, values.length)).containsExactly(values);
  }

  @Test
  void aRepeatAfterLiteralsLendsThemTheirLastGroupAndStaysARun() throws Exception {
    int[] values = new int[3 + 50];
    values[0] = 1;
    values[1] = 2;
    values[2] = 3;
    // 50 zeros: 5 complete the literals' group of 8, 45 stay one run.
    byte[] encoded = encode(values, 2);

    assertThat(encoded).hasSize(1 + 2 + 1 + 1); // bit-packed header, 8 values × 2 bits, RLE header (45 << 1), value
    assertThat(decode(encoded, 2, values.length)).containsExactly(values);
  }

  @Test
  void bitPackedRunsHoldAtMost63Groups() throws Exception {
    int[] values = new int[64 * 8];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2;
    }

    byte[] encoded = encode(values, 1);

    assertThat(encoded[0] & 0xFF).isEqualTo(63 << 1 | 1);
    assertThat(encoded[1 + 63] & 0xFF).isEqualTo(1 << 1 | 1);
    assertThat(decode(encoded, 1, values.length)).containsExactly(values);
  }

  /** Values below {@code 2^bitWidth}, in runs of random lengths, short and long. */
  private static int[] runs(SplittableRandom random, int count, int bitWidth) {
    int[] values = new int[count];
    int bound = bitWidth == 31 ? Integer.MAX_VALUE : 1 << bitWidth;
    for (int i = 0; i < count; ) {
      int value = random.nextInt(bound);
      int run = random.nextBoolean() ? 1 + random.nextInt(3) : 1 + random.nextInt(40);
      for (int k = 0; k < run && i < count; k++) {
        values[i++] = value;
      }
    }
    return values;
  }

  private static byte[] encode(int[] values, int bitWidth) {
    PageBuffer out = new PageBuffer(new byte[16]);
    RleHybrid.encode(values, values.length, bitWidth, out);
    return Arrays.copyOf(out.array(), out.size());
  }

  private static int[] decode(byte[] encoded, int bitWidth, int count) throws Exception {
    RunLengthBitPackingHybridDecoder decoder =
        new RunLengthBitPackingHybridDecoder(bitWidth, new ByteArrayInputStream(encoded));
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = decoder.readInt();
    }
    return values;
  }
}
