package io.tributary.schema.internal;

import io.tributary.decode.BigNumber;
import io.tributary.schema.PrimitiveType;
import java.util.List;
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
