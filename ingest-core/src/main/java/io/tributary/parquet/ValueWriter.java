package io.tributary.parquet;

import static io.tributary.parquet.ParquetSchemas.LIST_ELEMENT;
import static io.tributary.parquet.ParquetSchemas.LIST_GROUP;
import static io.tributary.parquet.ParquetSchemas.MAP_GROUP;
import static io.tributary.parquet.ParquetSchemas.MAP_KEY;
import static io.tributary.parquet.ParquetSchemas.MAP_VALUE;

import io.tributary.schema.ColumnType;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes the non-null value of one column to a {@link RecordConsumer}. A tree of these is compiled once per schema,
 * so the per-row work is virtual calls and casts, with no lookups or switches on the column type.
 *
 * <p>Writing is split in two passes, {@link #check} then {@link #write}: the record consumer writes each value
 * into its column as soon as it sees it, so a row that failed half-way would leave its columns with different row
 * counts and the whole file unreadable. Checking first rejects a bad row before anything is written.
 */
sealed interface ValueWriter {

  /**
   * Throws {@link IllegalArgumentException} naming the column path and the expected type when {@code value} (not
   * null) or any value nested in it does not have the Java type {@link ColumnType} prescribes.
   */
  void check(Object value);

  /** Writes {@code value}, not null and already {@link #check checked}. */
  void write(RecordConsumer consumer, Object value);

  /** The writer for values of {@code type}, whose column is called {@code path} in messages. */
  static ValueWriter of(ColumnType type, String path) {
    if (type instanceof PrimitiveType primitive) {
      return switch (primitive) {
        case LONG, TIMESTAMP -> new LongWriter(path, primitive);
        case DOUBLE -> new DoubleWriter(path);
        case BOOLEAN -> new BooleanWriter(path);
        case STRING, JSON -> new StringWriter(path, primitive);
      };
    } else if (type instanceof StructType struct) {
      return new StructWriter(path, struct);
    } else if (type instanceof ListType list) {
      return new ListWriter(path, of(list.element(), ColumnPaths.element(path)));
    } else if (type instanceof MapType map) {
      return new MapWriter(path, of(map.value(), ColumnPaths.mapValue(path)));
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

  /** LONG and TIMESTAMP (microseconds): {@code Long}. */
  record LongWriter(String path, PrimitiveType type) implements ValueWriter {
    @Override
    public void check(Object value) {
      if (!(value instanceof Long)) {
        throw wrongType(path, "java.lang.Long", type, value);
      }
    }

    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addLong((Long) value);
    }
  }

  /** DOUBLE: {@code Double}. */
  record DoubleWriter(String path) implements ValueWriter {
    @Override
    public void check(Object value) {
      if (!(value instanceof Double)) {
        throw wrongType(path, "java.lang.Double", PrimitiveType.DOUBLE, value);
      }
    }

    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addDouble((Double) value);
    }
  }

  /** BOOLEAN: {@code Boolean}. */
  record BooleanWriter(String path) implements ValueWriter {
    @Override
    public void check(Object value) {
      if (!(value instanceof Boolean)) {
        throw wrongType(path, "java.lang.Boolean", PrimitiveType.BOOLEAN, value);
      }
    }

    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addBoolean((Boolean) value);
    }
  }

  /** STRING and JSON: {@code String}, written as UTF-8. */
  record StringWriter(String path, PrimitiveType type) implements ValueWriter {
    @Override
    public void check(Object value) {
      if (!(value instanceof String)) {
        throw wrongType(path, "java.lang.String", type, value);
      }
    }

    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addBinary(utf8((String) value));
    }
  }

  /**
   * A struct, and the message itself: {@code Object[]}, possibly shorter than the field list (the missing trailing
   * fields are null). Null fields are simply not started: that is how a record consumer writes an optional null.
   */
  final class StructWriter implements ValueWriter {
    private final String path;
    private final StructType type;
    private final String[] names;
    private final ValueWriter[] fields;

    StructWriter(String path, StructType type) {
      this.path = path;
      this.type = type;
      this.names = new String[type.fields().size()];
      this.fields = new ValueWriter[names.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = type.fields().get(i).name();
        fields[i] = of(type.fields().get(i).type(), ColumnPaths.child(path, names[i]));
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
    public void write(RecordConsumer consumer, Object value) {
      consumer.startGroup();
      writeFields(consumer, (Object[]) value);
      consumer.endGroup();
    }

    /** Writes the fields of a struct or of the message, between the caller's start and end. */
    void writeFields(RecordConsumer consumer, Object[] values) {
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        if (value != null) {
          consumer.startField(names[i], i);
          fields[i].write(consumer, value);
          consumer.endField(names[i], i);
        }
      }
    }
  }

  /**
   * A LIST: {@code java.util.List}. An empty list is a present group with no repeated entries; a null element is a
   * repeated entry without its optional element.
   */
  record ListWriter(String path, ValueWriter element) implements ValueWriter {
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
    public void write(RecordConsumer consumer, Object value) {
      List<?> list = (List<?>) value;
      consumer.startGroup();
      if (!list.isEmpty()) {
        consumer.startField(LIST_GROUP, 0);
        for (Object item : list) {
          consumer.startGroup();
          if (item != null) {
            consumer.startField(LIST_ELEMENT, 0);
            element.write(consumer, item);
            consumer.endField(LIST_ELEMENT, 0);
          }
          consumer.endGroup();
        }
        consumer.endField(LIST_GROUP, 0);
      }
      consumer.endGroup();
    }
  }

  /** A MAP: {@code java.util.Map} with non-null {@code String} keys; a null value is an entry without its value. */
  record MapWriter(String path, ValueWriter mapValue) implements ValueWriter {
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
    public void write(RecordConsumer consumer, Object value) {
      Map<?, ?> map = (Map<?, ?>) value;
      consumer.startGroup();
      if (!map.isEmpty()) {
        consumer.startField(MAP_GROUP, 0);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          consumer.startGroup();
          consumer.startField(MAP_KEY, 0);
          consumer.addBinary(utf8((String) entry.getKey()));
          consumer.endField(MAP_KEY, 0);
          Object item = entry.getValue();
          if (item != null) {
            consumer.startField(MAP_VALUE, 1);
            mapValue.write(consumer, item);
            consumer.endField(MAP_VALUE, 1);
          }
          consumer.endGroup();
        }
        consumer.endField(MAP_GROUP, 0);
      }
      consumer.endGroup();
    }
  }
}
