package io.tributary.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Objects;
import java.util.Set;

/**
 * Turns any JSON field name into a column name that Avro, Parquet, AWS Glue and Athena all accept.
 *
 * <p>The mapping decides the column names written to every dataset's persisted schema history, so it must give the
 * same output for the same input on every machine and in every release. Changing any rule below changes the columns
 * of stored data: treat this specification as frozen, and add a new, versioned mapping instead of editing it.
 *
 * <h2>Specification of {@link #sanitize(String)}</h2>
 * <ol>
 *   <li>Normalize the name to Unicode NFKD, then drop every combining mark (general category {@code M}):
 *       {@code Café -> Cafe}, {@code ﬁle -> file}.</li>
 *   <li>Fold case, code point by code point and independent of the locale:
 *       {@code Character.toLowerCase(Character.toUpperCase(cp))}. For ASCII this is plain lowercasing; beyond ASCII
 *       it is the folding {@link String#equalsIgnoreCase} uses, so names equal but for case meet on one name even
 *       where lowercasing alone would keep them apart ({@code Σ}, {@code σ} and the final {@code ς} all become
 *       {@code σ}).</li>
 *   <li>Map each code point: {@code a-z}, {@code 0-9} and {@code _} stay; every other ASCII character (space,
 *       {@code - . / $ @}, control characters, ...) becomes {@code _}; every non-ASCII code point becomes {@code u}
 *       followed by its code point in lowercase hexadecimal, zero-padded to at least 4 digits
 *       ({@code 名前 -> u540du524d}, {@code 😀 -> u1f600}).</li>
 *   <li>If the result is empty or starts with a digit, prefix {@code _} ({@code 1st -> _1st}, the empty name
 *       {@code -> _}).</li>
 *   <li>If the result equals the name of a {@link MetadataColumns metadata column}, append {@code _}
 *       ({@code _rescued -> _rescued_}), so a data column never collides with a metadata column.</li>
 *   <li>If the result is longer than 128 characters, keep its first 119 characters and append {@code _} and 8
 *       lowercase hexadecimal digits: the first 4 bytes of the SHA-256 digest of the (ASCII) bytes of the whole
 *       result of rule 5, most significant first. The name is then exactly 128 characters, well under Glue's
 *       255-byte limit, and long names that differ only after the cut stay apart.</li>
 * </ol>
 *
 * <p>Rule 6 hashes the result of rule 5 rather than the original name so that a long name is treated exactly like a
 * short one: two names share a column if and only if rules 1 to 5 make them equal. Hashing the original would give
 * {@code userId...} and {@code USERID...} two columns as soon as they are long, which Athena could not tell apart.
 *
 * <p>Consequences callers can rely on: every output satisfies {@link #isValid(String)}; a valid name maps to itself,
 * so the mapping is idempotent; ASCII names equal but for case map to the same name. Distinct names may meet on one
 * column ({@code a-b} and {@code a.b} both give {@code a_b}); the schema layer merges them, keeping the first
 * original name in {@link Field#originalName()}.
 *
 * <p>Rules 1 and 2 read the Unicode tables of the running JDK (Java 17: Unicode 13). Unicode's stability policies
 * freeze the decomposition and, in practice, the case mappings of assigned characters, but a code point unassigned
 * in that version may gain a mapping in a later one, so a name containing one could map differently after a JDK
 * upgrade. The schema history records every column's original name, so a recorded mapping never has to be
 * recomputed.
 */
public final class ColumnNames {
  /** The longest column name this mapping produces, in characters (all ASCII, so also in bytes). */
  public static final int MAX_LENGTH = 128;

  private static final int KEPT_PREFIX = 119;
  private static final int MIN_HEX_DIGITS = 4;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static final Set<String> METADATA_NAMES = Set.of(
      MetadataColumns.INGEST_TIME,
      MetadataColumns.SOURCE,
      MetadataColumns.PARTITION,
      MetadataColumns.OFFSET,
      MetadataColumns.RESCUED);

  private ColumnNames() {}

  /**
   * The column name for a JSON field name, following the numbered specification in the class documentation.
   *
   * @param original the field name exactly as it appeared in the JSON; may not be null
   * @return a name for which {@link #isValid(String)} holds; the same for the same input, forever
   */
  public static String sanitize(String original) {
    Objects.requireNonNull(original, "original may not be null");
    // Rules 1 to 6 leave a valid name untouched, and most field names already are valid.
    if (isValid(original)) {
      return original;
    }
    String decomposed = Normalizer.normalize(original, Normalizer.Form.NFKD);
    StringBuilder name = new StringBuilder(decomposed.length() + 1);
    decomposed.codePoints()
        .filter(cp -> !isCombiningMark(cp))
        .map(cp -> Character.toLowerCase(Character.toUpperCase(cp)))
        .forEach(cp -> appendMapped(name, cp));
    if (name.length() == 0 || isDigit(name.charAt(0))) {
      name.insert(0, '_');
    }
    if (METADATA_NAMES.contains(name.toString())) {
      name.append('_');
    }
    if (name.length() > MAX_LENGTH) {
      String hash = hashPrefix(name.toString());
      name.setLength(KEPT_PREFIX);
      name.append('_').append(hash);
    }
    return name.toString();
  }

  /**
   * Whether a name can be used as a data column as it is: it matches {@code [a-z_][a-z0-9_]*}, has at most
   * {@value #MAX_LENGTH} characters and is not the name of a metadata column.
   *
   * @param name the name to check; null is not valid
   */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
      return false;
    }
    char first = name.charAt(0);
    if (!isLowerAsciiLetter(first) && first != '_') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!isKept(name.charAt(i))) {
        return false;
      }
    }
    return !METADATA_NAMES.contains(name);
  }

  private static void appendMapped(StringBuilder name, int cp) {
    if (cp < 0x80) {
      name.append(isKept((char) cp) ? (char) cp : '_');
      return;
    }
    name.append('u');
    String hex = Integer.toHexString(cp);
    for (int i = hex.length(); i < MIN_HEX_DIGITS; i++) {
      name.append('0');
    }
    name.append(hex);
  }

  private static boolean isCombiningMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isKept(char c) {
    return isLowerAsciiLetter(c) || isDigit(c) || c == '_';
  }

  private static boolean isLowerAsciiLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String hashPrefix(String asciiName) {
    byte[] digest = sha256().digest(asciiName.getBytes(StandardCharsets.US_ASCII));
    char[] hex = new char[8];
    for (int i = 0; i < 4; i++) {
      hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(hex);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("Cannot sanitize column name: SHA-256 is not available", e);
    }
  }
}
