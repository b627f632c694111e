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
 *
 * <p>A name of up to {@value #SHORT_NAME} bytes (most names) is read as two little-endian words, which both pick
 * its slot and are compared with the cached name's words: no loop over its bytes on the way to its cached copy.
 */
final class FieldNames {
  private static final int SLOTS = 2048;
  private static final int MAX_CACHED_LENGTH = 64;
  /** Names up to this many bytes are held in two words. */
  static final int SHORT_NAME = 2 * Long.BYTES;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Name[] slots = new Name[SLOTS];

  /**
   * A cached name with its ASCII bytes; a short name also as its two words ({@link #word}), a longer one compared
   * against a payload's bytes in one vectorised call.
   */
  private record Name(String text, byte[] ascii, long first, long second) {}

  /** The name in {@code bytes[offset, offset + length)}, valid UTF-8. */
  String name(byte[] bytes, int offset, int length) {
    if (length > MAX_CACHED_LENGTH) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
    if (length <= SHORT_NAME) {
      return shortName(bytes, offset, length);
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
    return cache(slot, bytes, offset, length, 0, 0);
  }

  private String shortName(byte[] bytes, int offset, int length) {
    long first = firstWord(bytes, offset, length);
    long second = secondWord(bytes, offset, length);
    int slot = spread(shortNameHash(first, second, length));
    Name cached = slots[slot];
    if (cached != null && cached.first() == first && cached.second() == second
        && cached.ascii().length == length) {
      return cached.text(); // equal to cached ASCII bytes: ASCII itself
    }
    if (((first | second) & HIGH_BITS) != 0) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8); // non-ASCII: not cached
    }
    return cache(slot, bytes, offset, length, first, second);
  }

  private String cache(int slot, byte[] bytes, int offset, int length, long first, long second) {
    String name = new String(bytes, offset, length, StandardCharsets.US_ASCII);
    slots[slot] = new Name(name, Arrays.copyOfRange(bytes, offset, offset + length), first, second);
    return name;
  }

  /** A hash of a short name by its two words and length: its slot here, its key in {@link NameGuesses}. */
  static long shortNameHash(long first, long second, int length) {
    return (first * 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(second * 0xC2B2AE3D27D4EB4FL, 21) ^ length;
  }

  /** The first eight bytes of a short name (up to {@value #SHORT_NAME}) as a word, zero above its end. */
  static long firstWord(byte[] bytes, int offset, int length) {
    return word(bytes, offset, Math.min(length, Long.BYTES));
  }

  /** The bytes of a short name (up to {@value #SHORT_NAME}) after its eighth as a word; 0 if there are none. */
  static long secondWord(byte[] bytes, int offset, int length) {
    return length > Long.BYTES ? word(bytes, offset + Long.BYTES, length - Long.BYTES) : 0;
  }

  /**
   * The {@code n} bytes (0 to 8) at {@code offset} as a little-endian word, zero above them: one read when the array
   * holds eight bytes from there (a name is followed by at least its closing quote and a colon), else byte by byte.
   */
  private static long word(byte[] bytes, int offset, int n) {
    if (offset + Long.BYTES <= bytes.length) {
      long word = (long) LONGS.get(bytes, offset);
      return n == Long.BYTES ? word : word & ((1L << (n * Byte.SIZE)) - 1);
    }
    long word = 0;
    for (int i = n - 1; i >= 0; i--) {
      word = (word << Byte.SIZE) | (bytes[offset + i] & 0xFF);
    }
    return word;
  }

  /**
   * The slot of a longer name: its length and its first, middle and last eight bytes read as words (a name's bytes
   * are not walked one by one on the way to its cached copy); names that differ elsewhere only share a slot, and
   * take turns in it.
   */
  private static int slot(byte[] bytes, int offset, int length) {
    long h = length;
    h ^= (long) LONGS.get(bytes, offset) * 0x9E3779B97F4A7C15L;
    h ^= Long.rotateLeft((long) LONGS.get(bytes, offset + length - Long.BYTES) * 0xC2B2AE3D27D4EB4FL, 21);
    h ^= Long.rotateLeft((long) LONGS.get(bytes, offset + (length - Long.BYTES) / 2) * 0x165667B19E3779F9L, 42);
    return spread(h);
  }

  private static int spread(long hash) {
    long h = hash ^ (hash >>> 32);
    h ^= h >>> 16;
    return (int) h & (SLOTS - 1);
  }
}
