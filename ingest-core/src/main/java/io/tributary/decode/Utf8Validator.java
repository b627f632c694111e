package io.tributary.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation (RFC 3629), done before parsing because Jackson lets some invalid sequences through:
 * UTF-8-encoded surrogates and some overlong forms would otherwise reach Parquet as broken strings.
 *
 * <p>ASCII runs are checked eight bytes at a time. The same pass notes whether the payload holds a backslash at
 * all: only then can a string contain an escaped lone surrogate, so only then must the decoder look for one.
 */
final class Utf8Validator {

  /** The payload is valid UTF-8 and holds no backslash. */
  static final int VALID = -1;

  /** The payload is valid UTF-8 and holds at least one backslash. */
  static final int VALID_WITH_BACKSLASH = -2;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  private Utf8Validator() {}

  /**
   * Validates {@code bytes[from, to)}.
   *
   * @return {@link #VALID}, {@link #VALID_WITH_BACKSLASH}, or the index of the first byte of the first invalid
   *     sequence (never negative)
   */
  static int scan(byte[] bytes, int from, int to) {
    boolean backslash = false;
    int i = from;
    while (i < to) {
      while (i + Long.BYTES <= to) {
        long word = (long) LONGS.get(bytes, i);
        if ((word & HIGH_BITS) != 0) {
          break;
        }
        // All bytes are ASCII here, so the zero-byte test below has no false positives.
        backslash |= (((word ^ BACKSLASHES) - ONES) & HIGH_BITS) != 0;
        i += Long.BYTES;
      }
      if (i >= to) {
        break;
      }
      byte b = bytes[i];
      if (b >= 0) {
        backslash |= b == '\\';
        i++;
        continue;
      }
      int length = sequenceLength(bytes, i, to);
      if (length == 0) {
        return i;
      }
      i += length;
    }
    return backslash ? VALID_WITH_BACKSLASH : VALID;
  }

  /** The length of the valid multi-byte sequence starting at {@code i}, or 0 if it is invalid. */
  static int sequenceLength(byte[] bytes, int i, int to) {
    int lead = bytes[i] & 0xFF;
    if (lead < 0xC2) {
      return 0; // a continuation byte, or C0/C1 which only start overlong forms
    }
    if (lead < 0xE0) {
      return i + 1 < to && isContinuation(bytes[i + 1]) ? 2 : 0;
    }
    if (lead < 0xF0) {
      if (i + 2 >= to) {
        return 0;
      }
      int second = bytes[i + 1] & 0xFF;
      return second >= secondMin(lead) && second <= secondMax(lead) && isContinuation(bytes[i + 2]) ? 3 : 0;
    }
    if (lead < 0xF5) {
      if (i + 3 >= to) {
        return 0;
      }
      int second = bytes[i + 1] & 0xFF;
      return second >= secondMin(lead)
              && second <= secondMax(lead)
              && isContinuation(bytes[i + 2])
              && isContinuation(bytes[i + 3])
          ? 4
          : 0;
    }
    return 0;
  }

  // The second byte's range is what rules out overlong forms (E0, F0), surrogates (ED) and values past U+10FFFF (F4).
  private static int secondMin(int lead) {
    return lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  }

  private static int secondMax(int lead) {
    return lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /** Says what is wrong with the invalid sequence at {@code i}, as found by {@link #scan}. Error path only. */
  static String describe(byte[] bytes, int i, int to) {
    int lead = bytes[i] & 0xFF;
    if (lead < 0xC0) {
      return String.format("unexpected continuation byte 0x%02X", lead);
    }
    if (lead < 0xC2) {
      return String.format("overlong encoding (lead byte 0x%02X)", lead);
    }
    if (lead >= 0xF5) {
      return lead <= 0xF7
          ? String.format("code point above U+10FFFF (lead byte 0x%02X)", lead)
          : String.format("byte 0x%02X never appears in UTF-8", lead);
    }
    int length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    for (int k = 1; k < length; k++) {
      if (i + k >= to) {
        return "truncated " + length + "-byte sequence at the end of the payload";
      }
      if (!isContinuation(bytes[i + k])) {
        return String.format(
            "truncated %d-byte sequence (byte 0x%02X is not a continuation byte)", length, bytes[i + k] & 0xFF);
      }
    }
    if (lead == 0xED) {
      return "encoded surrogate (U+D800..U+DFFF are not characters)";
    }
    if (lead == 0xF4) {
      return "code point above U+10FFFF";
    }
    return "overlong encoding";
  }
}
