package io.tributary.parquet;

/**
 * A 64-bit hash of a byte string read eight bytes at a time (the last few too, as one masked word, when the array
 * holds eight bytes from there), mixed so that its low bits pick slots well. For tables of the column writer's own,
 * not for anything persisted.
 */
final class BytesHash {
  private static final long MIX = 0x9E3779B97F4A7C15L;

  private BytesHash() {}

  static long of(byte[] bytes, int offset, int length) {
    long h = length * MIX;
    int at = offset;
    int end = offset + length;
    for (; at + Long.BYTES <= end; at += Long.BYTES) {
      h = Long.rotateLeft(h ^ PageBuffer.longAt(bytes, at) * MIX, 29) * MIX;
    }
    int left = end - at;
    long tail = 0;
    if (left > 0 && at + Long.BYTES <= bytes.length) {
      tail = PageBuffer.longAt(bytes, at) & (-1L >>> (Byte.SIZE * (Long.BYTES - left)));
    } else {
      for (int shift = 0; at < end; at++, shift += Byte.SIZE) {
        tail |= (bytes[at] & 0xFFL) << shift;
      }
    }
    h = (h ^ tail) * MIX;
    return h ^ (h >>> 32);
  }
}
