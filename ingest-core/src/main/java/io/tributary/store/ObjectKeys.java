package io.tributary.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Rules for object keys, shared by every {@link ObjectStore} so that a key valid on a laptop is valid on S3 and the
 * other way round.
 *
 * <p>A key is a {@code /}-separated relative path of non-empty segments. It may hold {@code =}, spaces, {@code %}
 * and any Unicode (Hive partition values such as {@code year=2026} or {@code k=a%2Fb}), but it may not climb out of
 * its prefix or surprise a file system: no leading or trailing {@code /}, no empty, {@code .} or {@code ..} segment,
 * no backslash, no control character, no unpaired surrogate, at most {@value #MAX_UTF8_BYTES} UTF-8 bytes (the S3
 * limit), and a first segment other than {@value #LOCAL_TEMP_FOLDER}, which {@link LocalFileStore} reserves.
 *
 * <p>Key order everywhere is the order of the keys' UTF-8 bytes ({@link #compareUtf8(String, String)}), which is
 * what S3 lists in.
 */
public final class ObjectKeys {

  /** The first segment {@link LocalFileStore} keeps its in-flight writes under; no key may use it. */
  static final String LOCAL_TEMP_FOLDER = ".tributary-tmp";

  /** S3 rejects longer keys; failing here finds that on a laptop rather than in production. */
  static final int MAX_UTF8_BYTES = 1024;

  private ObjectKeys() {}

  /**
   * Checks {@code key} against the rules above.
   *
   * @return {@code key}, unchanged
   * @throws IllegalArgumentException {@code "Invalid object key '<key>': <reason>"}
   */
  public static String validate(String key) {
    String reason = keyProblem(key);
    if (reason != null) {
      throw new IllegalArgumentException("Invalid object key '" + printable(key) + "': " + reason);
    }
    return key;
  }

  /**
   * Whether {@code key} follows the rules above. Listings skip what does not: a file dropped into a local store by
   * hand ({@code a\b}) or an object another tool wrote to S3 ({@code a//b}) is not an object {@code get} would
   * accept.
   */
  public static boolean isValid(String key) {
    return keyProblem(key) == null;
  }

  /**
   * Checks a listing prefix: empty (everything), a folder ending in {@code /}, or a key cut anywhere, even mid
   * segment ({@code a/b/v0}). Its complete segments follow the key rules; its last, partial segment may be anything
   * a key segment may start with.
   *
   * @return {@code prefix}, unchanged
   * @throws IllegalArgumentException {@code "Invalid object key prefix '<prefix>': <reason>"}
   */
  public static String validatePrefix(String prefix) {
    String reason = prefixProblem(prefix);
    if (reason != null) {
      throw new IllegalArgumentException("Invalid object key prefix '" + printable(prefix) + "': " + reason);
    }
    return prefix;
  }

  /**
   * Joins the non-empty {@code parts} with {@code /} and validates the result. A part may itself hold several
   * segments ({@code "lake/raw"}), so a configured prefix, possibly empty, can lead a key.
   *
   * @throws IllegalArgumentException if the joined key is invalid, including when every part is empty
   * @throws NullPointerException if a part is null
   */
  public static String join(String... parts) {
    StringJoiner joined = new StringJoiner("/");
    for (String part : parts) {
      Objects.requireNonNull(part, "key parts may not be null");
      if (!part.isEmpty()) {
        joined.add(part);
      }
    }
    return validate(joined.toString());
  }

  /**
   * Compares two keys by their UTF-8 bytes, i.e. by code point. {@link String#compareTo} compares UTF-16 units and
   * puts a supplementary character (a surrogate pair, {@code U+D800..}) before {@code U+E000..U+FFFF}.
   */
  public static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static String keyProblem(String key) {
    if (key == null || key.isEmpty()) {
      return "may not be null or empty";
    }
    if (key.startsWith("/") || key.endsWith("/")) {
      return "may not start or end with '/'";
    }
    String charProblem = characterProblem(key);
    if (charProblem != null) {
      return charProblem;
    }
    return segmentsProblem(key.split("/", -1));
  }

  private static String prefixProblem(String prefix) {
    if (prefix == null) {
      return "may not be null (use \"\" to list everything)";
    }
    if (prefix.startsWith("/")) {
      return "may not start with '/'";
    }
    String charProblem = characterProblem(prefix);
    if (charProblem != null) {
      return charProblem;
    }
    int lastSlash = prefix.lastIndexOf('/');
    return lastSlash < 0 ? null : segmentsProblem(prefix.substring(0, lastSlash).split("/", -1));
  }

  private static String characterProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        return "may not contain '\\' (keys are '/'-separated)";
      }
      if (c < 0x20 || c == 0x7F) {
        return String.format("may not contain control character U+%04X", (int) c);
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format("may not contain unpaired surrogate U+%04X (not encodable as UTF-8)", (int) c);
      }
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
      return "longer than " + MAX_UTF8_BYTES + " UTF-8 bytes";
    }
    return null;
  }

  private static String segmentsProblem(String[] segments) {
    for (String segment : segments) {
      if (segment.isEmpty()) {
        return "may not contain an empty segment ('//')";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "may not contain a '" + segment + "' segment";
      }
    }
    if (segments[0].equals(LOCAL_TEMP_FOLDER)) {
      return "the first segment '" + LOCAL_TEMP_FOLDER + "' is reserved for the local store's temporary files";
    }
    return null;
  }

  /** Keeps a log line on one line when the rejected key is the one with the control character. */
  private static String printable(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
