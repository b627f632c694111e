package io.tributary.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A field path pinned in config to a column type, to JSON text, or to a map.
 *
 * <p>Paths are dotted field names as they appear in the events; {@code []} after a name means "each element of
 * this array": {@code order.items[].price}. Each segment is matched after {@link ColumnNames#sanitize}, so
 * {@code userId} and {@code userid} name the same column.
 *
 * @param path the dotted path
 * @param kind what the path is pinned to
 * @param type the column type for {@link Kind#TYPE}; null otherwise
 */
public record PathOverride(String path, Kind kind, PrimitiveType type) {

  /** What a path can be pinned to. */
  public enum Kind {
    /** A primitive column type; values that do not fit go to {@code _rescued}. */
    TYPE,
    /** Any value, kept as its JSON text in a string column: for free-form payloads. */
    JSON,
    /** A map from string keys to values of one inferred type: for objects whose keys are data. */
    MAP
  }

  public PathOverride {
    Objects.requireNonNull(kind, "kind may not be null");
    segments(path);
    if ((kind == Kind.TYPE) != (type != null)) {
      throw new IllegalArgumentException("Invalid override for '" + path + "': a type goes with kind TYPE only");
    }
    if (type == PrimitiveType.JSON) {
      throw new IllegalArgumentException("Invalid override for '" + path + "': use kind JSON for JSON text");
    }
  }

  /**
   * Parses a config value: {@code long}, {@code double}, {@code boolean}, {@code string}, {@code timestamp},
   * {@code json} or {@code map}.
   */
  public static PathOverride parse(String path, String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "json" -> new PathOverride(path, Kind.JSON, null);
      case "map" -> new PathOverride(path, Kind.MAP, null);
      case "long", "double", "boolean", "string", "timestamp" ->
          new PathOverride(path, Kind.TYPE, PrimitiveType.fromTypeName(v));
      default -> throw new IllegalArgumentException("Invalid override for '" + path + "': '" + value
          + "'; allowed values are long, double, boolean, string, timestamp, json, map");
    };
  }

  /** A path pinned to TIMESTAMP: how configured timestamp fields are declared. */
  public static PathOverride timestamp(String path) {
    return new PathOverride(path, Kind.TYPE, PrimitiveType.TIMESTAMP);
  }

  /**
   * The path's steps, each a sanitized column name or {@link #ELEMENT} for "each element of the array before it".
   */
  public List<String> steps() {
    List<String> steps = new ArrayList<>();
    for (String segment : segments(path)) {
      boolean element = segment.endsWith("[]");
      String name = element ? segment.substring(0, segment.length() - 2) : segment;
      if (name.isEmpty() || name.contains("[") || name.contains("]")) {
        throw new IllegalArgumentException("Invalid override path '" + path + "': bad segment '" + segment
            + "' (write names separated by dots, with [] after an array's name)");
      }
      steps.add(ColumnNames.sanitize(name));
      if (element) {
        steps.add(ELEMENT);
      }
    }
    return steps;
  }

  /** The step that stands for the elements of an array. */
  public static final String ELEMENT = "[]";

  private static String[] segments(String path) {
    if (path == null || path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
      throw new IllegalArgumentException("Invalid override path '" + path
          + "': write field names separated by dots, e.g. order.items[].price");
    }
    return path.split("\\.");
  }
}
