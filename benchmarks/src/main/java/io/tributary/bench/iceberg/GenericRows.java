package io.tributary.bench.iceberg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.DateTimeUtil;

/**
 * Converts Tributary's rows ({@code Object[]} of the dataset's columns; strings as {@code String}, timestamps as
 * {@code Long} microseconds, structs as {@code Object[]}, lists as {@code List}, maps as {@code Map}) to Iceberg's
 * generic {@link Record}s of the table's schema ({@code _event_time} first, timestamps as {@code OffsetDateTime}):
 * what an engine whose buffers hold Tributary's rows must do before Iceberg's generic writer takes them. Compiled
 * once per schema into a tree of converters (no per-value type switch); values that need nothing pass through, and
 * so do lists and maps of them. One per thread.
 */
public final class GenericRows {
  private final StructConverter root;

  /** @param table the Iceberg schema of the rows: {@code _event_time} first, then the row's columns in order */
  public GenericRows(Schema table) {
    this.root = new StructConverter(table.asStruct());
  }

  /** The record of {@code row}, whose event time is {@code eventTimeMicros}. */
  public Record convert(Object[] row, long eventTimeMicros) {
    GenericRecord record = root.template.copy();
    record.set(0, DateTimeUtil.timestamptzFromMicros(eventTimeMicros));
    root.fill(record, row, 1);
    return record;
  }

  private interface Converter {
    Object convert(Object value);
  }

  private static final Converter IDENTITY = value -> value;

  private static Converter of(Type type) {
    return switch (type.typeId()) {
      case TIMESTAMP -> value -> DateTimeUtil.timestamptzFromMicros((Long) value);
      case STRUCT -> new StructConverter(type.asStructType());
      case LIST -> {
        Converter element = of(type.asListType().elementType());
        yield element == IDENTITY ? IDENTITY : value -> list((List<?>) value, element);
      }
      case MAP -> {
        Converter mapValue = of(type.asMapType().valueType());
        yield mapValue == IDENTITY ? IDENTITY : value -> map((Map<?, ?>) value, mapValue);
      }
      default -> IDENTITY;
    };
  }

  private static List<Object> list(List<?> values, Converter element) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object value : values) {
      out.add(value == null ? null : element.convert(value));
    }
    return out;
  }

  private static Map<Object, Object> map(Map<?, ?> values, Converter mapValue) {
    Map<Object, Object> out = new LinkedHashMap<>(values.size() * 2);
    for (Map.Entry<?, ?> entry : values.entrySet()) {
      out.put(entry.getKey(), entry.getValue() == null ? null : mapValue.convert(entry.getValue()));
    }
    return out;
  }

  private static final class StructConverter implements Converter {
    private final GenericRecord template;
    private final Converter[] fields;

    StructConverter(Types.StructType struct) {
      this.template = GenericRecord.create(struct);
      List<Types.NestedField> columns = struct.fields();
      this.fields = new Converter[columns.size()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = of(columns.get(i).type());
      }
    }

    @Override
    public Object convert(Object value) {
      GenericRecord record = template.copy();
      fill(record, (Object[]) value, 0);
      return record;
    }

    /** Sets the fields of {@code record} from {@code from} on from {@code values}' first. */
    void fill(GenericRecord record, Object[] values, int from) {
      for (int i = from; i < fields.length; i++) {
        int at = i - from;
        Object value = at < values.length ? values[at] : null;
        record.set(i, value == null ? null : fields[i].convert(value));
      }
    }
  }
}
