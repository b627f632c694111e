package io.tributary.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array written little-endian, as Parquet lays out pages: a page being encoded, or the plain values of
 * a binary column's page being buffered. Reused page after page; not thread-safe.
 */
final class PageBuffer {
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] bytes;
  private int size;

  /** A buffer writing into {@code bytes} first, then into larger copies as it grows. */
  PageBuffer(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The bytes written since the last {@link #reset}. */
  int size() {
    return size;
  }

  /** The array holding the bytes: valid until the next write. */
  byte[] array() {
    return bytes;
  }

  void reset() {
    size = 0;
  }

  /** Goes back to {@code size} bytes, dropping what was written after. */
  void truncate(int size) {
    this.size = size;
  }

  void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  void writeIntLittleEndian(int value) {
    ensure(4);
    INTS.set(bytes, size, value);
    size += 4;
  }

  /** Overwrites the four bytes at {@code at}, written before, with {@code value}. */
  void setIntLittleEndian(int at, int value) {
    INTS.set(bytes, at, value);
  }

  void writeLongs(long[] values, int count) {
    ensure(count * 8L);
    for (int i = 0; i < count; i++) {
      LONGS.set(bytes, size, values[i]);
      size += 8;
    }
  }

  void write(byte[] from, int offset, int length) {
    ensure(length);
    System.arraycopy(from, offset, bytes, size, length);
    size += length;
  }

  /** A length-prefixed value: Parquet's PLAIN encoding of a BYTE_ARRAY. */
  void writeBinary(byte[] from, int offset, int length) {
    ensure(4L + length);
    INTS.set(bytes, size, length);
    System.arraycopy(from, offset, bytes, size + 4, length);
    size += 4 + length;
  }

  void writeUnsignedVarInt(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  /** Reads the little-endian int at {@code at} of {@code bytes}. */
  static int intAt(byte[] bytes, int at) {
    return (int) INTS.get(bytes, at);
  }

  /** Reads the little-endian long at {@code at} of {@code bytes}. */
  static long longAt(byte[] bytes, int at) {
    return (long) LONGS.get(bytes, at);
  }

  private void ensure(long more) {
    long needed = size + more;
    if (needed > bytes.length) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("Invalid page: more than 2 GiB buffered");
      }
      bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, bytes.length * 2L)));
    }
  }
}
