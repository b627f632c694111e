package io.tributary.partition;

import java.util.Map;

/**
 * Dotted paths into a decoded event ({@code meta.region}): each segment names a key of a nested object. A field
 * whose name holds a dot cannot be addressed, and array elements are not addressable, as for routing fields.
 */
final class FieldPaths {
  private FieldPaths() {}

  /**
   * Checks a configured path.
   *
   * @param what what the path configures, for the message ("event-time field")
   * @throws IllegalArgumentException {@code "Invalid <what>: '<path>': <why>"}
   */
  static String[] parse(String path, String what) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("Invalid " + what + ": '" + path + "': may not be null or empty");
    }
    String[] segments = path.split("\\.", -1);
    for (String segment : segments) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("Invalid " + what + ": '" + path
            + "': has an empty segment (a dotted path such as 'meta.region' is expected)");
      }
    }
    return segments;
  }

  /**
   * The value at the path, or null when it is missing, null, or under a parent that is not an object: all three mean
   * the event does not say.
   */
  static Object lookup(Map<String, Object> event, String[] segments) {
    Object current = event;
    for (String segment : segments) {
      if (!(current instanceof Map<?, ?> object)) {
        return null;
      }
      current = object.get(segment);
    }
    return current;
  }
}
