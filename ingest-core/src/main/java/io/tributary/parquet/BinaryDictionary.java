package io.tributary.parquet;

import java.util.Arrays;

/**
 * A column chunk's dictionary of byte strings: each distinct value's id, in order of first sight, with the values
 * copied into one array.
 */
final class BinaryDictionary {
  private byte[] data = new byte[1024];
  private int dataSize;
  private int[] offsets = new int[64];
  private int[] lengths = new int[64];
  private int[] hashes = new int[64];
  private int size;
  /** Open addressing: id + 1 per slot, 0 for a free slot. */
  private int[] slots = new int[128];

  int size() {
    return size;
  }

  /** The bytes of the entries' PLAIN encoding: each value and its 4-byte length. */
  long plainBytes() {
    return dataSize + 4L * size;
  }

  /** The array holding the entries; valid until the next {@link #id}. */
  byte[] data() {
    return data;
  }

  int offset(int id) {
    return offsets[id];
  }

  int length(int id) {
    return lengths[id];
  }

  /** The id of the value at {@code bytes[offset, offset + length)}, added (copied) when new. */
  int id(byte[] bytes, int offset, int length) {
    int hash = hash(bytes, offset, length);
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (true) {
      int id = slots[slot] - 1;
      if (id < 0) {
        return add(bytes, offset, length, hash, slot);
      }
      if (hashes[id] == hash && lengths[id] == length
          && Arrays.equals(data, offsets[id], offsets[id] + length, bytes, offset, offset + length)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int add(byte[] bytes, int offset, int length, int hash, int slot) {
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    if (data.length - dataSize < length) {
      data = Arrays.copyOf(data, Math.max(dataSize + length, data.length * 2));
    }
    System.arraycopy(bytes, offset, data, dataSize, length);
    offsets[size] = dataSize;
    lengths[size] = length;
    hashes[size] = hash;
    dataSize += length;
    slots[slot] = ++size;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return size - 1;
  }

  /** Forgets the entries from {@code size} on. */
  void truncate(int size) {
    if (size < this.size) {
      this.size = size;
      dataSize = size == 0 ? 0 : offsets[size - 1] + lengths[size - 1];
      rehash(slots.length);
    }
  }

  void clear() {
    truncate(0);
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    int mask = capacity - 1;
    for (int id = 0; id < size; id++) {
      int slot = hashes[id] & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
  }

  /** A hash of the bytes whose low bits pick slots well ({@link BytesHash}). */
  static int hash(byte[] bytes, int offset, int length) {
    return (int) BytesHash.of(bytes, offset, length);
  }
}
