package io.tributary.schema.internal;

import io.tributary.schema.ColumnType;
import io.tributary.schema.Field;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.Collection;

/**
 * The column that takes the keys of an object found to hold data: a struct that has it keeps the columns it had,
 * and every key without a column goes into this {@code map<string, V>} field, {@value #FIELD}. The field is found by
 * name and type, never by a JSON key: a JSON key {@code _keys} is one more map entry.
 */
public final class KeyMaps {
  /** The name of the map field inside a struct whose keys are data. */
  public static final String FIELD = "_keys";

  private KeyMaps() {}

  /** The position of the map field in {@code struct}, or -1 when its keys are still columns. */
  public static int indexIn(StructType struct) {
    int index = struct.indexOf(FIELD);
    return index >= 0 && struct.fields().get(index).type() instanceof MapType ? index : -1;
  }

  /** {@code struct} with the map field appended, its values of type {@code value}. */
  static StructType withMap(StructType struct, ColumnType value) {
    return struct.withAppended(new Field(FIELD, FIELD, new MapType(value)));
  }

  /**
   * The map's value type for values of {@code types} (nulls skipped): their one type, DOUBLE for whole and
   * fractional numbers, JSON text when they differ otherwise.
   */
  static ColumnType valueType(Collection<ColumnType> types) {
    ColumnType common = null;
    for (ColumnType type : types) {
      if (type == null || type.equals(common)) {
        continue;
      }
      if (common == null) {
        common = type;
      } else if (isNumber(common) && isNumber(type)) {
        common = PrimitiveType.DOUBLE;
      } else {
        return PrimitiveType.JSON;
      }
    }
    return common == null ? PrimitiveType.JSON : common;
  }

  private static boolean isNumber(ColumnType type) {
    return type == PrimitiveType.LONG || type == PrimitiveType.DOUBLE;
  }

  /** True when {@code key} reads as data, not a name: three digits or more, or a long hex string with a digit. */
  static boolean looksLikeData(String key) {
    int digits = 0;
    boolean hex = key.length() >= 8;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (!(c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '-')) {
        hex = false;
      }
    }
    return digits >= 3 || hex && digits > 0;
  }
}
