package io.tributary.decode;

/** Byte-level checks on the raw payload, made before (and after) Jackson parses it. */
final class PayloadBytes {

  private PayloadBytes() {}

  /** Whether {@code bytes[offset, end)} starts with a UTF-8 byte order mark. */
  static boolean hasBom(byte[] bytes, int offset, int end) {
    return end - offset >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
        && bytes[offset + 2] == (byte) 0xBF;
  }

  /** The index of the first byte at or after {@code i} that is not JSON whitespace, or {@code end}. */
  static int skipWhitespace(byte[] bytes, int i, int end) {
    while (i < end) {
      byte b = bytes[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return i;
      }
      i++;
    }
    return end;
  }

  /**
   * The index of a NUL byte among the first four at {@code start}, or -1. Jackson guesses UTF-16/UTF-32 from NUL
   * bytes there; valid UTF-8 JSON has none anywhere.
   */
  static int nulInEncodingGuess(byte[] bytes, int start, int end) {
    for (int i = start; i < Math.min(start + 4, end); i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
