package io.tributary.parquet;

/**
 * Counts the distinct values of a sampled column by their 64-bit hashes, in an open-addressed table of longs: no
 * object per value. A collision undercounts by one, which is noise for a choice made on a half-distinct threshold.
 */
final class DistinctHashes {
  private final long[] table;
  private final int mask;
  private int distinct;
  private int present;

  /** @param values at most this many values will be added */
  DistinctHashes(int values) {
    int capacity = Integer.highestOneBit(Math.max(4, values) * 2 - 1) << 1;
    table = new long[capacity];
    mask = capacity - 1;
  }

  /** Adds a present value by its hash. */
  void add(long hash) {
    present++;
    long h = hash == 0 ? 1 : hash; // 0 marks an empty slot
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (table[i] != 0) {
      if (table[i] == h) {
        return;
      }
      i = (i + 1) & mask;
    }
    table[i] = h;
    distinct++;
  }

  int present() {
    return present;
  }

  int distinct() {
    return distinct;
  }

  /** A well-mixed hash of a long (or a double's bits). */
  static long ofLong(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  /** A well-mixed hash of {@code bytes[offset, offset + length)}. */
  static long ofBytes(byte[] bytes, int offset, int length) {
    return ofLong(BytesHash.of(bytes, offset, length));
  }
}
