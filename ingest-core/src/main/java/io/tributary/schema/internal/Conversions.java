package io.tributary.schema.internal;

import io.tributary.decode.BigNumber;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.Timestamps;
import java.math.BigDecimal;

/**
 * Lossless coercion of a JSON scalar into a column type. A value converts only when reading the column gives back
 * exactly the number, string or time that was sent; anything else is {@link #MISFIT} and goes to
 * {@code _rescued}. Strings are never parsed into numbers, numbers never turned into strings: a column's values
 * keep one meaning.
 */
final class Conversions {
  /** Returned when the value does not fit the column. */
  static final Object MISFIT = new Object();

  private static final double TWO_TO_63 = 0x1p63;

  private Conversions() {}

  static Object convert(PrimitiveType type, Object value) {
    return switch (type) {
      case LONG -> toLong(value);
      case DOUBLE -> toDouble(value);
      case BOOLEAN -> value instanceof Boolean ? value : MISFIT;
      case STRING -> value instanceof String ? value : MISFIT;
      case TIMESTAMP -> {
        Long micros = Timestamps.toMicros(value);
        yield micros == null ? MISFIT : micros;
      }
      case JSON -> JsonText.write(value);
    };
  }

  private static Object toLong(Object value) {
    if (value instanceof Long) {
      return value;
    }
    if (value instanceof Double d) {
      // 3.0 is the integer 3; 3.5 and 1e19 are not longs.
      if (d >= -TWO_TO_63 && d < TWO_TO_63 && d == Math.rint(d)) {
        return (long) d.doubleValue();
      }
    }
    return MISFIT;
  }

  /** Whether a DOUBLE column takes {@code value}: above 2^53 not every long has a double, only exact ones convert. */
  static boolean exactDouble(long value) {
    double d = value;
    return d < TWO_TO_63 && (long) d == value;
  }

  private static Object toDouble(Object value) {
    if (value instanceof Double) {
      return value;
    }
    if (value instanceof Long l) {
      return exactDouble(l) ? (Object) (double) l : MISFIT;
    }
    if (value instanceof BigNumber n) {
      BigDecimal exact = n.toBigDecimal();
      double d = exact.doubleValue();
      if (!Double.isInfinite(d) && new BigDecimal(d).compareTo(exact) == 0) {
        return d;
      }
    }
    return MISFIT;
  }
}
