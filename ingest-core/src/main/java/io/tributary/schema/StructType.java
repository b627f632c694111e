package io.tributary.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of fields. Fields are only ever appended, so the position of a field never changes: a row shaped
 * under an earlier version is a prefix of a row under a later one. A struct is never empty (Parquet has no empty
 * groups): an empty JSON object creates no column until it holds a typed value.
 */
public record StructType(List<Field> fields) implements ColumnType {

  /** The struct with no fields: only a starting point for building one, never a column type in a schema. */
  public static final StructType EMPTY = new StructType(List.of());

  public StructType {
    fields = List.copyOf(fields);
  }

  public static StructType of(Field... fields) {
    return new StructType(List.of(fields));
  }

  @Override
  public String typeName() {
    return "struct";
  }

  /** The position of the field called {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The field called {@code name}, or null. */
  public Field field(String name) {
    int index = indexOf(name);
    return index < 0 ? null : fields.get(index);
  }

  /** A copy with {@code field} appended at the end. */
  public StructType withAppended(Field field) {
    List<Field> copy = new ArrayList<>(fields.size() + 1);
    copy.addAll(fields);
    copy.add(field);
    return new StructType(copy);
  }

  /** A copy with the field at {@code index} replaced. */
  public StructType withReplaced(int index, Field field) {
    List<Field> copy = new ArrayList<>(fields);
    copy.set(index, field);
    return new StructType(copy);
  }
}
