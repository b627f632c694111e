package io.tributary.parquet;

/**
 * Parquet's RLE/bit-packing hybrid encoding of small integers (definition and repetition levels, dictionary ids):
 * runs of 8 or more equal values as one RLE run, the rest bit-packed in groups of 8, least significant bit first.
 * Bit-packed runs hold at most 63 groups, as parquet-java writes them, so every reader's decoder takes them.
 */
final class RleHybrid {
  /** The longest run worth an RLE run: shorter ones are bit-packed. */
  private static final int MIN_REPEAT = 8;
  private static final int MAX_GROUPS_PER_RUN = 63;

  private RleHybrid() {}

  /** The bits needed to write every value from 0 to {@code max}. */
  static int bitWidth(int max) {
    return 32 - Integer.numberOfLeadingZeros(max);
  }

  /** Encodes {@code values[0, count)}, each below {@code 2^bitWidth}, into {@code out}. */
  static void encode(int[] values, int count, int bitWidth, PageBuffer out) {
    int literals = 0;
    int i = 0;
    while (i < count) {
      int value = values[i];
      int end = i + 1;
      while (end < count && values[end] == value) {
        end++;
      }
      int run = end - i;
      if (run >= MIN_REPEAT) {
        int pending = i - literals;
        // Bit-packed runs are whole groups of 8: the repeat lends the pending literals what their last group lacks.
        int lent = (MIN_REPEAT - pending % MIN_REPEAT) % MIN_REPEAT;
        if (run - lent >= MIN_REPEAT) {
          bitPack(values, literals, pending + lent, bitWidth, out);
          repeat(value, run - lent, bitWidth, out);
          literals = end;
        }
      }
      i = end;
    }
    bitPack(values, literals, count - literals, bitWidth, out);
  }

  /** {@code count} copies of {@code value} as one RLE run (none when {@code count} is 0). */
  static void repeat(int value, int count, int bitWidth, PageBuffer out) {
    if (count == 0) {
      return;
    }
    out.writeUnsignedVarInt(count << 1);
    for (int written = 0; written < bitWidth; written += 8) {
      out.writeByte(value >>> written);
    }
  }

  /** {@code values[from, from + count)} bit-packed; a last group that is not whole is padded with zeros. */
  private static void bitPack(int[] values, int from, int count, int bitWidth, PageBuffer out) {
    int end = from + count;
    int at = from;
    while (at < end) {
      int groups = Math.min(MAX_GROUPS_PER_RUN, (end - at + 7) >>> 3);
      out.writeUnsignedVarInt(groups << 1 | 1);
      for (int g = 0; g < groups; g++, at += 8) {
        long bits = 0;
        int filled = 0;
        for (int k = 0; k < 8; k++) {
          int v = at + k < end ? values[at + k] : 0;
          bits |= (v & 0xFFFFFFFFL) << filled;
          filled += bitWidth;
          while (filled >= 8) {
            out.writeByte((int) bits);
            bits >>>= 8;
            filled -= 8;
          }
        }
      }
    }
  }
}
