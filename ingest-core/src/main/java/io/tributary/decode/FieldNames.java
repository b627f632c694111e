package io.tributary.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Field names shared across records: an event's names repeat from record to record, so each ASCII name is made a
 * {@code String} once and found again by its bytes. A fixed table of {@value #SLOTS} slots, overwritten on
 * collision, so arbitrary keys (ten thousand user ids) cannot grow it. Thread-safe without locks: slots hold
 * immutable names (final fields, safely published), and a lost race only costs a name made again.
 */
final class FieldNames {
  private static final int SLOTS = 2048;
  private static final int MAX_CACHED_LENGTH = 64;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Name[] slots = new Name[SLOTS];

  /** A cached name with its ASCII bytes, compared against a payload's bytes in one vectorised call. */
  private record Name(String text, byte[] ascii) {}

  /** The name in {@code bytes[offset, offset + length)}, valid UTF-8. */
  String name(byte[] bytes, int offset, int length) {
    if (length > MAX_CACHED_LENGTH) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
    int slot = slot(bytes, offset, length);
    Name cached = slots[slot];
    if (cached != null && Arrays.equals(cached.ascii(), 0, cached.ascii().length, bytes, offset, offset + length)) {
      return cached.text(); // equal to cached ASCII bytes: ASCII itself
    }
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] < 0) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8); // non-ASCII: not cached
      }
    }
    String name = new String(bytes, offset, length, StandardCharsets.US_ASCII);
    slots[slot] = new Name(name, Arrays.copyOfRange(bytes, offset, offset + length));
    return name;
  }

  /**
   * The slot of a name: its length and, from 8 bytes on, its first, middle and last eight bytes read as words (a
   * name's bytes are not walked one by one on the way to its cached copy); names that differ elsewhere only share
   * a slot, and take turns in it.
   */
  private static int slot(byte[] bytes, int offset, int length) {
    long h = length;
    if (length >= Long.BYTES) {
      h ^= (long) LONGS.get(bytes, offset) * 0x9E3779B97F4A7C15L;
      h ^= Long.rotateLeft((long) LONGS.get(bytes, offset + length - Long.BYTES) * 0xC2B2AE3D27D4EB4FL, 21);
      h ^= Long.rotateLeft((long) LONGS.get(bytes, offset + (length - Long.BYTES) / 2) * 0x165667B19E3779F9L, 42);
    } else {
      for (int i = offset; i < offset + length; i++) {
        h = h * 31 + bytes[i];
      }
      h *= 0x9E3779B97F4A7C15L;
    }
    h ^= h >>> 32;
    h ^= h >>> 16;
    return (int) h & (SLOTS - 1);
  }
}
