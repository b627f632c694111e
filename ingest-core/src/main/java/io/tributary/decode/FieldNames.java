package io.tributary.decode;

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

  private final Name[] slots = new Name[SLOTS];

  /** A cached name with its ASCII bytes, compared against a payload's bytes in one vectorised call. */
  private record Name(String text, byte[] ascii) {}

  /** The name in {@code bytes[offset, offset + length)}, valid UTF-8. */
  String name(byte[] bytes, int offset, int length) {
    if (length > MAX_CACHED_LENGTH) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
    int hash = length;
    int any = 0;
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      any |= b;
      hash = hash * 31 + b;
    }
    if (any < 0) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8); // non-ASCII: not cached
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    Name cached = slots[slot];
    if (cached != null && Arrays.equals(cached.ascii(), 0, cached.ascii().length, bytes, offset, offset + length)) {
      return cached.text();
    }
    String name = new String(bytes, offset, length, StandardCharsets.US_ASCII);
    slots[slot] = new Name(name, Arrays.copyOfRange(bytes, offset, offset + length));
    return name;
  }
}
