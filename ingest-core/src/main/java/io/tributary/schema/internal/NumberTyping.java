package io.tributary.schema.internal;

import io.tributary.decode.BigNumber;
import io.tributary.schema.ColumnNames;
import io.tributary.schema.ColumnType;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Decides the column type of a new numeric field with more evidence than the one value's JSON form. JSON has one
 * number type, so a price that happens to arrive as {@code 12} first says nothing about the {@code 12.5} behind it;
 * a column's type never changes, so the first decision must already be the right one.
 *
 * <p>The evidence, all of it in the event that creates the column (so that every instance decides alike, and the
 * decision is recorded in the schema history as the column's type):
 * <ol>
 *   <li>a fraction anywhere in the values: a list {@code [1, 2.5]} is a list of doubles, not longs;</li>
 *   <li>the magnitude: a whole number beyond 2<sup>53</sup> has no exact double, so it stays LONG whatever the
 *       name (ids, hashes, nanosecond times);</li>
 *   <li>the field's name: a whole number under a name whose last word is a measure ({@code amount},
 *       {@code unitPrice}, {@code total_cost}, {@code latitude}, {@code score}) is a DOUBLE from the start; any
 *       other whole number (ids, counts, codes, epoch times) is a LONG, as before.</li>
 * </ol>
 * The first rule also holds across the elements of a list of objects: a field that a list's first element gives a
 * whole number and a later element of the same list a fraction ({@code "items": [{"p": 1}, {"p": 2.5}]}) is a DOUBLE
 * column ({@link #widenNew}).
 * A DOUBLE column holds every whole number up to 2<sup>53</sup> exactly, so typing a measure as DOUBLE loses
 * nothing; an explicit override ({@code amount: long}) still wins over all of this.
 */
public final class NumberTyping {
  /** The largest magnitude up to which every whole number has an exact double. */
  private static final long EXACT_IN_DOUBLE = 1L << 53;

  /** Last words of field names that carry measures: amounts of money, physical quantities, statistics. */
  private static final Set<String> MEASURES = Set.of(
      "amount", "amt", "price", "cost", "costs", "total", "subtotal", "balance", "fee", "fees", "tax", "vat",
      "discount", "revenue", "salary", "payment", "charge", "refund", "spend", "budget", "value", "score", "rate",
      "ratio", "percent", "percentage", "pct", "share", "avg", "average", "mean", "median", "stddev", "lat",
      "latitude", "lon", "lng", "longitude", "altitude", "temperature", "temp", "weight", "height", "width",
      "depth", "distance", "speed", "velocity", "latency", "load", "usage", "utilization", "probability",
      "confidence", "volume", "mass", "voltage", "humidity", "pressure");

  private NumberTyping() {}

  /**
   * The type of a new column whose first value is the number {@code value}, a field called {@code name}.
   *
   * @param name the field's original JSON name (for a list's elements, the list's name)
   */
  public static PrimitiveType of(String name, Object value) {
    if (value instanceof Long l) {
      boolean exact = -EXACT_IN_DOUBLE <= l && l <= EXACT_IN_DOUBLE;
      return exact && isMeasure(name) ? PrimitiveType.DOUBLE : PrimitiveType.LONG;
    }
    if (value instanceof Double || value instanceof BigNumber) {
      return PrimitiveType.DOUBLE;
    }
    throw new IllegalArgumentException("Not a decoded JSON number: " + value.getClass().getName());
  }

  /**
   * True when {@code value}, the first value of a new field {@code name} of a plain object, is a whole number that
   * only the values to come can type: no override at the field, a name that is no measure, and a magnitude a
   * double holds exactly. Such a field waits for the decision ({@code UndecidedNumbers}): DOUBLE as soon as a
   * fraction comes (published at once, by the event that brings it), LONG at the first roll of a buffer holding
   * only whole values, or at once when a whole number beyond 2<sup>53</sup> comes.
   */
  public static boolean undecided(String name, Object value, OverrideTree overrides) {
    return value instanceof Long l && exactInDouble(l) && OverrideTree.at(overrides) == null && !isMeasure(name);
  }

  /** True when {@code whole} has an exact double: its magnitude is at most 2<sup>53</sup>. */
  static boolean exactInDouble(long whole) {
    return -EXACT_IN_DOUBLE <= whole && whole <= EXACT_IN_DOUBLE;
  }

  /**
   * True when {@code value} of a new field {@code name} is an {@link #undecided} whole number, or a new object that
   * holds one in a field of its own or of a nested object: what waits in {@code _rescued} for the decision.
   */
  public static boolean waits(String name, Object value, OverrideTree overrides) {
    if (value instanceof Map<?, ?> map && OverrideTree.at(overrides) == null) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = (String) entry.getKey();
        if (waits(key, entry.getValue(), OverrideTree.child(overrides, ColumnNames.sanitize(key)))) {
          return true;
        }
      }
      return false;
    }
    return undecided(name, value, overrides);
  }

  /**
   * The element type of a new list of numbers, from all of them: DOUBLE when one has a fraction and every whole
   * one has an exact double; else the type of the first, as {@link #of} decides it.
   */
  public static PrimitiveType ofElements(String name, List<?> items, Object first) {
    PrimitiveType firstType = of(name, first);
    if (firstType == PrimitiveType.DOUBLE) {
      return firstType;
    }
    boolean fraction = false;
    for (Object item : items) {
      if (item instanceof Long l && (l < -EXACT_IN_DOUBLE || l > EXACT_IN_DOUBLE)) {
        return firstType;
      }
      fraction |= item instanceof Double || item instanceof BigNumber;
    }
    return fraction ? PrimitiveType.DOUBLE : firstType;
  }

  /**
   * {@code grown}, the type of a list's elements after taking every element of {@code elements}, with each LONG column
   * that is new in it (absent from {@code before}) made DOUBLE when the elements give it a fraction and every whole
   * value there has an exact double. Pinned paths are left as pinned; columns of {@code before} never change.
   *
   * @param before the element type before this event, null for a new list
   * @param overrides the override tree at the elements
   */
  public static ColumnType widenNew(ColumnType grown, ColumnType before, List<Object> elements,
      OverrideTree overrides) {
    if (grown == before || OverrideTree.at(overrides) != null) {
      return grown;
    }
    if (grown == PrimitiveType.LONG) {
      return before == null && hasFractionAndOnlyExactWholes(elements) ? PrimitiveType.DOUBLE : grown;
    }
    if (grown instanceof ListType list) {
      List<Object> items = new ArrayList<>();
      elements.forEach(e -> {
        if (e instanceof List<?> l) {
          items.addAll(l);
        }
      });
      ColumnType element = widenNew(list.element(), before instanceof ListType b ? b.element() : null, items,
          OverrideTree.element(overrides));
      return element == list.element() ? grown : new ListType(element);
    }
    if (grown instanceof StructType struct) {
      StructType result = struct;
      for (int i = 0; i < struct.fields().size(); i++) {
        Field field = struct.fields().get(i);
        Field old = before instanceof StructType b ? b.field(field.name()) : null;
        if (field.name().equals(KeyMaps.FIELD)) {
          continue;
        }
        ColumnType type = widenNew(field.type(), old == null ? null : old.type(), valuesOf(field.name(), elements),
            OverrideTree.child(overrides, field.name()));
        if (type != field.type()) {
          result = result.withReplaced(i, field.withType(type));
        }
      }
      return result;
    }
    return grown;
  }

  private static boolean hasFractionAndOnlyExactWholes(List<Object> values) {
    boolean fraction = false;
    for (Object value : values) {
      if (value instanceof Long l && (l < -EXACT_IN_DOUBLE || l > EXACT_IN_DOUBLE)) {
        return false;
      }
      fraction |= value instanceof Double || value instanceof BigNumber;
    }
    return fraction;
  }

  /** The non-null values of the objects' fields whose column is {@code column}. */
  private static List<Object> valuesOf(String column, List<Object> objects) {
    List<Object> values = new ArrayList<>();
    for (Object object : objects) {
      if (object instanceof Map<?, ?> map) {
        map.forEach((key, value) -> {
          if (value != null && ColumnNames.sanitize((String) key).equals(column)) {
            values.add(value);
          }
        });
      }
    }
    return values;
  }

  /** True when the last word of {@code name} (split at {@code _}, {@code -}, spaces, dots and camelCase) is a measure. */
  static boolean isMeasure(String name) {
    if (name == null) {
      return false;
    }
    int end = name.length();
    while (end > 0 && !Character.isLetterOrDigit(name.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetterOrDigit(name.charAt(start - 1))) {
      if (start < end && Character.isUpperCase(name.charAt(start)) && Character.isLowerCase(name.charAt(start - 1))) {
        break;
      }
      start--;
    }
    if (start == end) {
      return false;
    }
    String word = name.substring(start, end).toLowerCase(Locale.ROOT);
    return MEASURES.contains(word) || word.endsWith("s") && MEASURES.contains(word.substring(0, word.length() - 1));
  }
}
