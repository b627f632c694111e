package io.tributary.decode;

/**
 * Finds unpaired UTF-16 surrogates in decoded strings. UTF-8 validation rejects encoded surrogates in the bytes, so
 * the only way to one is a {@code \}{@code u} escape ({@code "\ud800"}), which Jackson decodes without complaint;
 * such a string has no UTF-8 encoding and could not be written to Parquet.
 */
final class Surrogates {

  private Surrogates() {}

  /** Index of the first unpaired surrogate in {@code s}, or -1. */
  static int loneSurrogate(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }
}
