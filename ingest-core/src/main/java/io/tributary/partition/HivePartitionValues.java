package io.tributary.partition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;

/**
 * Turns partition values into path segments that Hive-style readers (Athena, Glue, Spark, Trino, DuckDB) read back
 * as the original value, and that can never leave their prefix.
 *
 * <h2>Specification of {@link #escape(String)}</h2>
 * <ol>
 *   <li>Null or the empty string becomes {@value #DEFAULT_PARTITION}, which every reader reads as NULL (a directory
 *       {@code k=} would be an empty value that readers disagree on).</li>
 *   <li>An unpaired surrogate (not encodable as UTF-8, so not in any S3 key) becomes U+FFFD.</li>
 *   <li>Exactly like Hive's {@code FileUtils.escapePathName}, each of these ASCII characters becomes {@code %XX} with
 *       two uppercase hexadecimal digits: 0x00-0x1F, {@code " # % ' * / : = ? \ }, 0x7F, <code>{ [ ] ^</code>. Every
 *       other character, including space and all non-ASCII, is kept (S3, Hive and Athena take UTF-8 paths).</li>
 *   <li>A value made only of dots ({@code .}, {@code ..}, {@code ...}) has every dot written {@code %2E}, so that no
 *       segment is ever {@code .} or {@code ..}.</li>
 *   <li>If the result is longer than {@value #MAX_VALUE_BYTES} UTF-8 bytes, it keeps its longest start of at most
 *       183 bytes that cuts no {@code %XX} and no character, followed by {@code ~} and 16 lowercase
 *       hexadecimal digits: the first 8 bytes of the SHA-256 digest of the UTF-8 bytes of the value after rule 2.
 *       The segment is then at most {@value #MAX_VALUE_BYTES} bytes, so a path of a few keys stays far below S3's
 *       1024-byte key limit, and long values that differ only after the cut stay apart. Such a value does not
 *       unescape to the original: it is a stable stand-in.</li>
 * </ol>
 * Rule 4 is ours: Hive writes {@code ..} as is. It changes no value a reader sees, since readers decode {@code %2E}
 * to a dot. The value {@value #DEFAULT_PARTITION} itself is kept as is, so it too reads as NULL, as in Hive.
 *
 * <p>Any output is non-empty, holds no {@code /}, no {@code \}, no control character and no unpaired surrogate,
 * and is neither {@code .} nor {@code ..}: a valid segment of an object key.
 */
public final class HivePartitionValues {
  /** The value Hive writes for a null partition value; every Hive-style reader reads it as NULL. */
  public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  /** The longest escaped value, in UTF-8 bytes. */
  public static final int MAX_VALUE_BYTES = 200;

  private static final int HASH_HEX_DIGITS = 16;
  private static final int KEPT_BYTES = MAX_VALUE_BYTES - 1 - HASH_HEX_DIGITS;
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
  private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

  private static final BitSet ESCAPED = new BitSet(128);

  static {
    ESCAPED.set(0x00, 0x20);
    for (char c : "\"#%'*/:=?\\\u007F{[]^".toCharArray()) {
      ESCAPED.set(c);
    }
  }

  private HivePartitionValues() {}

  /**
   * The path segment for a partition value, following the numbered specification in the class documentation.
   *
   * @param value the value; null and empty become {@value #DEFAULT_PARTITION}
   */
  public static String escape(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_PARTITION;
    }
    String wellFormed = replaceUnpairedSurrogates(value);
    boolean onlyDots = wellFormed.chars().allMatch(c -> c == '.');
    StringBuilder out = new StringBuilder(wellFormed.length() + 16);
    for (int i = 0; i < wellFormed.length(); i++) {
      char c = wellFormed.charAt(i);
      if (c < 128 && ESCAPED.get(c) || onlyDots) {
        out.append('%').append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 0xF]);
      } else {
        out.append(c);
      }
    }
    String escaped = out.toString();
    return utf8Length(escaped) <= MAX_VALUE_BYTES ? escaped : cut(escaped, wellFormed);
  }

  /**
   * The value a path segment stands for, as Hive's {@code FileUtils.unescapePathName} reads it: each {@code %XX}
   * with two hexadecimal digits becomes the character U+00XX; anything else, including a lone {@code %}, is kept.
   * For a value escaped by {@link #escape(String)} and not cut (rule 5), this gives the value back. The segment
   * {@value #DEFAULT_PARTITION} is returned as is: readers map it to NULL, which a string cannot show.
   */
  public static String unescape(String segment) {
    StringBuilder out = new StringBuilder(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      int high = c == '%' && i + 2 < segment.length() ? hex(segment.charAt(i + 1)) : -1;
      int low = high >= 0 ? hex(segment.charAt(i + 2)) : -1;
      if (low >= 0) {
        out.append((char) (high << 4 | low));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code name=escaped value}: one segment of a partition path. */
  public static String keyValue(String name, String value) {
    return name + "=" + escape(value);
  }

  private static String replaceUnpairedSurrogates(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(value.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(value.length()).append(value, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? value : out.toString();
  }

  private static String cut(String escaped, String wellFormed) {
    int bytes = 0;
    int end = 0;
    while (end < escaped.length()) {
      int unitChars;
      int unitBytes;
      char c = escaped.charAt(end);
      if (c == '%') {
        // Only escape() wrote a '%' here: always a whole %XX.
        unitChars = 3;
        unitBytes = 3;
      } else {
        int cp = escaped.codePointAt(end);
        unitChars = Character.charCount(cp);
        unitBytes = utf8Length(cp);
      }
      if (bytes + unitBytes > KEPT_BYTES) {
        break;
      }
      bytes += unitBytes;
      end += unitChars;
    }
    return escaped.substring(0, end) + "~" + hashHex(wellFormed);
  }

  private static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      int cp = text.codePointAt(i);
      bytes += utf8Length(cp);
      i += Character.charCount(cp) - 1;
    }
    return bytes;
  }

  private static int utf8Length(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private static String hashHex(String value) {
    byte[] digest = sha256().digest(value.getBytes(StandardCharsets.UTF_8));
    char[] hex = new char[HASH_HEX_DIGITS];
    for (int i = 0; i < HASH_HEX_DIGITS / 2; i++) {
      hex[2 * i] = HEX_LOWER[(digest[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX_LOWER[digest[i] & 0xF];
    }
    return new String(hex);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("Cannot escape partition value: SHA-256 is not available", e);
    }
  }
}
