package io.tributary.decode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dotted path to a field of a decoded event ({@code meta.type}): each segment names a key of a nested object.
 * Field names that themselves contain a dot cannot be addressed, and array elements are not addressable. Routing
 * fields, the event-time field and partition key fields are all such paths. Immutable.
 */
public final class FieldPath {
  private final String text;
  private final String[] segments;

  private FieldPath(String text, String[] segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses a dotted path.
   *
   * @param text the path; may not be null
   * @throws IllegalArgumentException whose message completes "the field path ..." ({@code is empty},
   *     {@code has an empty segment}), for the caller to put in the context (template or setting) the path came from
   */
  public static FieldPath parse(String text) {
    Objects.requireNonNull(text, "text may not be null");
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

  /** The last segment: the name of the field itself, without its parents. */
  public String lastSegment() {
    return segments[segments.length - 1];
  }

  /**
   * The value at this path, or null when it is missing, null, or under a parent that is not an object: all three mean
   * the event does not say.
   */
  public Object valueIn(Map<String, Object> event) {
    Object current = event;
    for (String segment : segments) {
      if (!(current instanceof Map<?, ?> object)) {
        return null;
      }
      current = object.get(segment);
    }
    return current;
  }

  /**
   * The value at this path as text, or why there is none: strings as they are; numbers and booleans as their JSON
   * text ({@code Double.toString} for doubles, the exact text of a {@link BigNumber}).
   */
  public Lookup textIn(Map<String, Object> event) {
    Object current = event;
    for (int i = 0; i < segments.length; i++) {
      if (!(current instanceof Map<?, ?> object)) {
        String parent = String.join(".", Arrays.asList(segments).subList(0, i));
        return new Lookup.Absent("is missing: '" + parent + "' is " + jsonKind(current) + ", not an object");
      }
      if (!object.containsKey(segments[i])) {
        return new Lookup.Absent("is missing");
      }
      current = object.get(segments[i]);
    }
    return scalarText(current);
  }

  /**
   * The value at this path as text, as {@link #textIn(Map)} gives it, or null where that says why there is none;
   * builds no message.
   */
  public String textOrNull(Map<String, Object> event) {
    return scalarTextOrNull(valueIn(event));
  }

  /** The path as it was parsed. */
  @Override
  public String toString() {
    return text;
  }

  private static Lookup scalarText(Object value) {
    String text = scalarTextOrNull(value);
    if (text != null) {
      return new Lookup.Found(text);
    }
    if (value == null) {
      return new Lookup.Absent("is null");
    }
    if (value instanceof Map || value instanceof List) {
      return new Lookup.Absent("is " + jsonKind(value) + ", not a scalar");
    }
    // Not a decoder output: a caller built the event by hand.
    return new Lookup.Absent("has unsupported type " + value.getClass().getName());
  }

  private static String scalarTextOrNull(Object value) {
    if (value instanceof String string) {
      return string;
    }
    if (value instanceof BigNumber number) {
      return number.text();
    }
    // Java's text for these is the JSON text Jackson writes: 42, true, 1.5, 1.0E20.
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return null;
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

  /** The text at a path, or why there is none. */
  public sealed interface Lookup permits Lookup.Found, Lookup.Absent {
    /** The field holds a scalar, given as text. */
    record Found(String text) implements Lookup {}

    /**
     * The field gives no text: missing, null, or not a scalar.
     *
     * @param reason why, completing "the field ..." ({@code is missing}, {@code is null},
     *     {@code is an object, not a scalar})
     */
    record Absent(String reason) implements Lookup {}
  }
}
