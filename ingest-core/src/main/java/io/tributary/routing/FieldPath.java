package io.tributary.routing;

import io.tributary.decode.BigNumber;
import java.util.List;
import java.util.Map;

/**
 * A dotted path to a field of a decoded event ({@code meta.type}): each segment names a key of a nested object.
 * Field names that themselves contain a dot cannot be addressed, and array elements are not addressable.
 */
final class FieldPath {
  private final String text;
  private final String[] segments;

  private FieldPath(String text, String[] segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses a dotted path.
   *
   * @throws IllegalArgumentException whose message completes "the field path ...", for the caller to put in the
   *     context (template or setting) the path came from
   */
  static FieldPath parse(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    String[] segments = text.split("\\.", -1);
    for (String segment : segments) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("has an empty segment");
      }
    }
    return new FieldPath(text, segments);
  }

  /** The value at this path as text, or why there is none. */
  Lookup lookup(Map<String, Object> event) {
    Object current = event;
    for (int i = 0; i < segments.length; i++) {
      if (!(current instanceof Map<?, ?> object)) {
        String parent = String.join(".", List.of(segments).subList(0, i));
        return new Lookup.Absent(describe() + " is missing: '" + parent + "' is " + jsonKind(current)
            + ", not an object");
      }
      if (!object.containsKey(segments[i])) {
        return new Lookup.Absent(describe() + " is missing");
      }
      current = object.get(segments[i]);
    }
    return scalarText(current);
  }

  @Override
  public String toString() {
    return text;
  }

  private Lookup scalarText(Object value) {
    if (value == null) {
      return new Lookup.Absent(describe() + " is null");
    }
    if (value instanceof String string) {
      return new Lookup.Found(string);
    }
    if (value instanceof BigNumber number) {
      return new Lookup.Found(number.text());
    }
    if (value instanceof Number || value instanceof Boolean) {
      return new Lookup.Found(value.toString());
    }
    if (value instanceof Map || value instanceof List) {
      return new Lookup.Absent(describe() + " is " + jsonKind(value) + ", not a scalar");
    }
    // Not a decoder output: a caller built the event by hand.
    return new Lookup.Absent(describe() + " has unsupported type " + value.getClass().getName());
  }

  private String describe() {
    return "routing field '" + text + "'";
  }

  private static String jsonKind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number || value instanceof BigNumber) {
      return "a number";
    }
    return "a " + value.getClass().getSimpleName();
  }

  /** The outcome of looking a field up. */
  sealed interface Lookup permits Lookup.Found, Lookup.Absent {
    /** The field holds a scalar, given as text. */
    record Found(String text) implements Lookup {}

    /** The field gives no text: missing, null, or not a scalar. */
    record Absent(String reason) implements Lookup {}
  }
}
