package io.tributary.parquet;

import io.tributary.schema.ColumnType;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Writes the value of one column straight into Parquet's column writers, with its repetition and definition levels
 * (the Dremel encoding of nesting and nulls) computed here. A tree of these is compiled once per schema, each node
 * knowing its own levels, so the per-row work is virtual calls and casts, with no lookups or switches on the column
 * type, and none of the per-field bookkeeping of Parquet's {@code RecordConsumer}.
 *
 * <p>Levels follow {@link ParquetSchemas}' layout: every field OPTIONAL (one definition level each), lists as
 * {@code optional group (LIST) { repeated group list { optional element } }} and maps as
 * {@code optional group (MAP) { repeated group key_value { required key; optional value } }} (the repeated group adds
 * a definition and a repetition level, the required key nothing).
 *
 * <p>Writing is split in two passes, {@link #check} then {@link #write}: each value goes into its column as soon as
 * it is seen, so a row that failed half-way would leave its columns with different row counts and the whole file
 * unreadable. Checking first rejects a bad row before anything is written.
 */
sealed interface ValueWriter {

  /**
   * Throws {@link IllegalArgumentException} naming the column path and the expected type when {@code value} (not
   * null) or any value nested in it does not have the Java type {@link ColumnType} prescribes.
   */
  void check(Object value);

  /** Writes {@code value}, not null and already {@link #check checked}, at repetition level {@code r}. */
  void write(Object value, int r);

  /**
   * Writes a null into every column under this one, at repetition level {@code r} and definition level {@code d}
   * (how deep the value's ancestors are defined).
   */
  void writeNull(int r, int d);

  /** Adds this writer's leaf columns to {@code leaves}, in the order of the Parquet schema's columns. */
  void collectLeaves(List<Leaf> leaves);

  /**
   * The writer for values of {@code type}, whose column is called {@code path} in messages, defined at definition
   * level {@code d} when present, inside {@code r} repeated groups.
   */
  static ValueWriter of(ColumnType type, String path, int d, int r) {
    if (type instanceof PrimitiveType primitive) {
      return switch (primitive) {
        case LONG, TIMESTAMP -> new LongWriter(path, primitive, d);
        case DOUBLE -> new DoubleWriter(path, d);
        case BOOLEAN -> new BooleanWriter(path, d);
        case STRING, JSON -> new StringWriter(path, primitive, d);
      };
    } else if (type instanceof StructType struct) {
      return new StructWriter(path, struct, d, r);
    } else if (type instanceof ListType list) {
      return new ListWriter(path, d, r + 1, of(list.element(), ColumnPaths.element(path), d + 2, r + 1));
    } else if (type instanceof MapType map) {
      return new MapWriter(path, d, r + 1, new StringWriter(path, PrimitiveType.STRING, d + 1),
          of(map.value(), ColumnPaths.mapValue(path), d + 2, r + 1));
    }
    throw new IllegalStateException("Unhandled column type: " + type);
  }

  /**
   * A string as an array-backed binary: Parquet's dictionary hashes and compares every value, and does so several
   * times faster on an array than on the {@code ByteBuffer} that {@code Binary.fromString} wraps.
   */
  private static Binary utf8(String value) {
    return Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
  }

  private static IllegalArgumentException wrongType(String path, String expected, ColumnType type, Object value) {
    return new IllegalArgumentException("Invalid value for column " + path + ": expected " + expected + " for type "
        + type.typeName() + ", got " + value.getClass().getName());
  }

  /** A primitive column: holds the Parquet column writer of the row group being written. */
  abstract sealed class Leaf implements ValueWriter permits LongWriter, DoubleWriter, BooleanWriter, StringWriter {
    final String path;
    /** The definition level of a present value: the column's maximum. */
    final int d;
    ColumnWriter column;

    Leaf(String path, int d) {
      this.path = path;
      this.d = d;
    }

    /** Points this leaf at its column writer in {@code store}, described by {@code descriptor}. */
    void bind(ColumnWriteStore store, ColumnDescriptor descriptor) {
      if (descriptor.getMaxDefinitionLevel() != d) {
        throw new IllegalStateException("Column " + path + " has definition level " + d + " but Parquet column "
            + String.join(".", descriptor.getPath()) + " has " + descriptor.getMaxDefinitionLevel());
      }
      column = store.getColumnWriter(descriptor);
    }

    @Override
    public final void writeNull(int r, int nullD) {
      column.writeNull(r, nullD);
    }

    @Override
    public final void collectLeaves(List<Leaf> leaves) {
      leaves.add(this);
    }
  }

  /** LONG and TIMESTAMP (microseconds): {@code Long}. */
  final class LongWriter extends Leaf {
    private final PrimitiveType type;

    LongWriter(String path, PrimitiveType type, int d) {
      super(path, d);
      this.type = type;
    }

    @Override
    public void check(Object value) {
      if (!(value instanceof Long)) {
        throw wrongType(path, "java.lang.Long", type, value);
      }
    }

    @Override
    public void write(Object value, int r) {
      column.write((Long) value, r, d);
    }
  }

  /** DOUBLE: {@code Double}. */
  final class DoubleWriter extends Leaf {
    DoubleWriter(String path, int d) {
      super(path, d);
    }

    @Override
    public void check(Object value) {
      if (!(value instanceof Double)) {
        throw wrongType(path, "java.lang.Double", PrimitiveType.DOUBLE, value);
      }
    }

    @Override
    public void write(Object value, int r) {
      column.write((Double) value, r, d);
    }
  }

  /** BOOLEAN: {@code Boolean}. */
  final class BooleanWriter extends Leaf {
    BooleanWriter(String path, int d) {
      super(path, d);
    }

    @Override
    public void check(Object value) {
      if (!(value instanceof Boolean)) {
        throw wrongType(path, "java.lang.Boolean", PrimitiveType.BOOLEAN, value);
      }
    }

    @Override
    public void write(Object value, int r) {
      column.write((Boolean) value, r, d);
    }
  }

  /** STRING and JSON (and map keys): {@code String}, written as UTF-8. */
  final class StringWriter extends Leaf {
    private final PrimitiveType type;

    StringWriter(String path, PrimitiveType type, int d) {
      super(path, d);
      this.type = type;
    }

    @Override
    public void check(Object value) {
      if (!(value instanceof String)) {
        throw wrongType(path, "java.lang.String", type, value);
      }
    }

    @Override
    public void write(Object value, int r) {
      column.write(utf8((String) value), r, d);
    }
  }

  /**
   * A struct, and the message itself: {@code Object[]}, possibly shorter than the field list (the missing trailing
   * fields are null). A null field writes a null into each of its columns, defined down to this struct.
   */
  final class StructWriter implements ValueWriter {
    private final String path;
    private final StructType type;
    private final int d;
    private final ValueWriter[] fields;

    /** The message: {@code type} is the schema's root, defined at level 0, outside any repeated group. */
    StructWriter(StructType type) {
      this(ColumnPaths.ROOT, type, 0, 0);
    }

    StructWriter(String path, StructType type, int d, int r) {
      this.path = path;
      this.type = type;
      this.d = d;
      this.fields = new ValueWriter[type.fields().size()];
      for (int i = 0; i < fields.length; i++) {
        String name = type.fields().get(i).name();
        fields[i] = of(type.fields().get(i).type(), ColumnPaths.child(path, name), d + 1, r);
      }
    }

    @Override
    public void check(Object value) {
      if (!(value instanceof Object[] values)) {
        throw wrongType(path, "java.lang.Object[]", type, value);
      }
      if (values.length > fields.length) {
        throw new IllegalArgumentException("Invalid value for " + (ColumnPaths.ROOT.equals(path) ? "row" : "column "
            + path) + ": " + values.length + " values for " + fields.length + " fields");
      }
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          fields[i].check(values[i]);
        }
      }
    }

    @Override
    public void write(Object value, int r) {
      Object[] values = (Object[]) value;
      int present = values.length;
      for (int i = 0; i < present; i++) {
        Object field = values[i];
        if (field == null) {
          fields[i].writeNull(r, d);
        } else {
          fields[i].write(field, r);
        }
      }
      for (int i = present; i < fields.length; i++) {
        fields[i].writeNull(r, d);
      }
    }

    @Override
    public void writeNull(int r, int nullD) {
      for (ValueWriter field : fields) {
        field.writeNull(r, nullD);
      }
    }

    @Override
    public void collectLeaves(List<Leaf> leaves) {
      for (ValueWriter field : fields) {
        field.collectLeaves(leaves);
      }
    }
  }

  /**
   * A LIST: {@code java.util.List}, defined at {@code d}. An empty list is a present group with no repeated entries
   * (a null at {@code d}); a null element is a repeated entry without its optional element (a null at {@code d + 1}).
   * Entries after the first repeat at {@code r}, this list's repetition level.
   */
  record ListWriter(String path, int d, int r, ValueWriter element) implements ValueWriter {
    @Override
    public void check(Object value) {
      if (!(value instanceof List<?> list)) {
        throw new IllegalArgumentException("Invalid value for column " + path
            + ": expected java.util.List for type list, got " + value.getClass().getName());
      }
      for (Object item : list) {
        if (item != null) {
          element.check(item);
        }
      }
    }

    @Override
    public void write(Object value, int firstR) {
      List<?> list = (List<?>) value;
      if (list.isEmpty()) {
        element.writeNull(firstR, d);
        return;
      }
      int at = firstR;
      for (Object item : list) {
        if (item == null) {
          element.writeNull(at, d + 1);
        } else {
          element.write(item, at);
        }
        at = r;
      }
    }

    @Override
    public void writeNull(int nullR, int nullD) {
      element.writeNull(nullR, nullD);
    }

    @Override
    public void collectLeaves(List<Leaf> leaves) {
      element.collectLeaves(leaves);
    }
  }

  /**
   * A MAP: {@code java.util.Map} with non-null {@code String} keys, defined at {@code d}. An empty map is a present
   * group with no entries; a null value is an entry without its value (a null at {@code d + 1}).
   */
  record MapWriter(String path, int d, int r, StringWriter key, ValueWriter mapValue) implements ValueWriter {
    @Override
    public void check(Object value) {
      if (!(value instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("Invalid value for column " + path
            + ": expected java.util.Map for type map, got " + value.getClass().getName());
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw new IllegalArgumentException("Invalid key for column " + path + ": expected a non-null "
              + "java.lang.String, got " + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
        }
        if (entry.getValue() != null) {
          mapValue.check(entry.getValue());
        }
      }
    }

    @Override
    public void write(Object value, int firstR) {
      Map<?, ?> map = (Map<?, ?>) value;
      if (map.isEmpty()) {
        writeNull(firstR, d);
        return;
      }
      int at = firstR;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        key.write(entry.getKey(), at);
        Object item = entry.getValue();
        if (item == null) {
          mapValue.writeNull(at, d + 1);
        } else {
          mapValue.write(item, at);
        }
        at = r;
      }
    }

    @Override
    public void writeNull(int nullR, int nullD) {
      key.writeNull(nullR, nullD);
      mapValue.writeNull(nullR, nullD);
    }

    @Override
    public void collectLeaves(List<Leaf> leaves) {
      key.collectLeaves(leaves);
      mapValue.collectLeaves(leaves);
    }
  }
}
