package io.tributary.parquet;

import java.util.Arrays;

/** A column chunk's dictionary of 64-bit values: each distinct value's id, in order of first sight. */
final class LongDictionary {
  private static final long MIX = 0x9E3779B97F4A7C15L;

  private long[] entries = new long[64];
  private int size;
  /** Open addressing: id + 1 per slot, 0 for a free slot. */
  private int[] slots = new int[128];
  private int shift = 64 - 7;

  int size() {
    return size;
  }

  /** The distinct values in id order; valid up to {@link #size()}. */
  long[] entries() {
    return entries;
  }

  /** The id of {@code value}, added when new. */
  int id(long value) {
    int mask = slots.length - 1;
    int slot = (int) ((value * MIX) >>> shift);
    while (true) {
      int id = slots[slot] - 1;
      if (id < 0) {
        return add(value, slot);
      }
      if (entries[id] == value) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int add(long value, int slot) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size] = value;
    slots[slot] = ++size;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return size - 1;
  }

  /** Forgets the entries from {@code size} on. */
  void truncate(int size) {
    this.size = size;
    rehash(slots.length);
  }

  void clear() {
    truncate(0);
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
    int mask = capacity - 1;
    for (int id = 0; id < size; id++) {
      int slot = (int) ((entries[id] * MIX) >>> shift);
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
  }
}
