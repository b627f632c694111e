package io.tributary.catalog.hive;

/**
 * A Hive type string ({@code struct<a:bigint,b:array<string>>}) in Trino's spelling
 * ({@code row("a" bigint, "b" array(varchar))}). Reads only the types {@link io.tributary.schema.HiveTypes} writes.
 */
final class TrinoTypes {
  private final String text;
  private int pos;

  private TrinoTypes(String text) {
    this.text = text;
  }

  static String of(String hiveType) {
    TrinoTypes parser = new TrinoTypes(hiveType);
    String out = parser.type();
    if (parser.pos != hiveType.length()) {
      throw new IllegalArgumentException("Cannot read Hive type: '" + hiveType + "' at " + parser.pos);
    }
    return out;
  }

  private String type() {
    String word = word();
    switch (word) {
      case "struct" -> {
        expect('<');
        StringBuilder out = new StringBuilder("row(");
        do {
          String name = word();
          expect(':');
          out.append('"').append(name).append("\" ").append(type());
        } while (next(',', out, ", "));
        expect('>');
        return out.append(')').toString();
      }
      case "array" -> {
        expect('<');
        String element = type();
        expect('>');
        return "array(" + element + ")";
      }
      case "map" -> {
        expect('<');
        String key = type();
        expect(',');
        String value = type();
        expect('>');
        return "map(" + key + ", " + value + ")";
      }
      case "string" -> {
        return "varchar";
      }
      case "int" -> {
        return "integer";
      }
      case "bigint", "double", "boolean" -> {
        return word;
      }
      case "timestamp" -> {
        return "timestamp(3)";
      }
      default -> throw new IllegalArgumentException("Cannot read Hive type: '" + text + "': unknown '" + word + "'");
    }
  }

  private String word() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void expect(char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw new IllegalArgumentException("Cannot read Hive type: '" + text + "': expected '" + c + "' at " + pos);
    }
    pos++;
  }

  private boolean next(char c, StringBuilder out, String separator) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      out.append(separator);
      return true;
    }
    return false;
  }
}
