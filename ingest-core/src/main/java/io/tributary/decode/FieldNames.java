package io.tributary.decode;

import java.nio.charset.StandardCharsets;

/**
 * Field names shared across records: an event's names repeat from record to record, so each ASCII name is made a
 * {@code String} once and found again by its bytes. A fixed table of {@value #SLOTS} slots, overwritten on
 * collision, so arbitrary keys (ten thousand user ids) cannot grow it. Thread-safe without locks: slots hold
 * immutable strings, and a lost race only costs a string made again.
 */
final class FieldNames {
  private static final int SLOTS = 2048;
  private static final int MAX_CACHED_LENGTH = 64;

  private final String[] slots = new String[SLOTS];

  /** The name in {@code bytes[offset, offset + length)}, valid UTF-8. */
  String name(byte[] bytes, int offset, int length) {
    if (length > MAX_CACHED_LENGTH) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
    int hash = length;
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b < 0) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8); // non-ASCII: not cached
      }
      hash = hash * 31 + b;
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = slots[slot];
    if (cached != null && sameAscii(cached, bytes, offset, length)) {
      return cached;
    }
    String name = new String(bytes, offset, length, StandardCharsets.US_ASCII);
    slots[slot] = name;
    return name;
  }

  private static boolean sameAscii(String s, byte[] bytes, int offset, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != bytes[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
