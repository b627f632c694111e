package io.tributary.buffer;

import io.tributary.decode.Tape;
import io.tributary.schema.ColumnType;
import io.tributary.schema.FittedRow;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.source.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact, schema-driven binary form of shaped rows: no type tags, no field names, variable-length integers,
 * UTF-8 strings. Buffered rows cost about what their JSON cost, far less than the object graph, and are encoded to
 * Parquet once, at roll, under the newest schema (a row of an earlier version is a prefix of a row of a later one,
 * so it reads back unchanged).
 */
final class RowCodec {
  static final int NULL = 0;
  private static final int PRESENT = 1;
  private static final int FALSE = 2;
  static final int TRUE = 3;

  private RowCodec() {}

  /** Appends {@code row}, shaped for {@code type}, to {@code out}. */
  static void write(ByteArena out, StructType type, Object[] row) {
    struct(out, type, row);
  }

  /**
   * Appends the row of an event fitted to its version ({@code layout}, made of the version's root), written from
   * its tape: the bytes {@link #write(ByteArena, StructType, Object[])} writes for the row {@code shape} makes of
   * the same event.
   */
  static void write(ByteArena out, FittedLayout layout, FittedRow row) {
    Tape tape = row.tape();
    FittedLayout[] fields = layout.fields;
    out.writeVarLong(fields.length);
    presentLong(out, row.ingestMicros());
    nullableString(out, row.source());
    nullableString(out, row.partition());
    nullableString(out, row.offset());
    out.write(NULL); // nothing rescued
    for (int i = MetadataColumns.COUNT; i < fields.length; i++) {
      fitted(out, fields[i], row, tape, i);
    }
  }

  private static void fitted(ByteArena out, FittedLayout layout, FittedRow row, Tape tape, int entry) {
    int node = row.node(entry);
    if (node < 0) {
      out.write(NULL);
      return;
    }
    switch (layout.code) {
      case FittedLayout.LONG -> presentLong(out, tape.longValue(node));
      case FittedLayout.DOUBLE -> {
        double d = tape.kind(node) == Tape.DOUBLE ? tape.doubleValue(node) : (double) tape.longValue(node);
        out.writeMarkedLong(PRESENT, Double.doubleToRawLongBits(d));
      }
      case FittedLayout.BOOLEAN -> out.write(tape.kind(node) == Tape.TRUE ? TRUE : FALSE);
      case FittedLayout.STRING ->
          out.writeMarkedBytes(PRESENT, tape.bytes(), tape.stringStart(node), tape.stringLength(node));
      case FittedLayout.STRUCT -> {
        FittedLayout[] fields = layout.fields;
        out.write(PRESENT);
        out.writeVarLong(fields.length);
        int first = row.children(entry);
        for (int i = 0; i < fields.length; i++) {
          fitted(out, fields[i], row, tape, first + i);
        }
      }
      case FittedLayout.LIST -> {
        int count = tape.members(node);
        out.write(PRESENT);
        out.writeVarLong(count);
        int first = row.children(entry);
        FittedLayout element = layout.element;
        for (int i = 0; i < count; i++) {
          fitted(out, element, row, tape, first + i);
        }
      }
      default -> throw new IllegalStateException("No fitted row holds a map's value (layout code " + layout.code + ")");
    }
  }

  /** A present LONG or TIMESTAMP value: its marker and the value as a zigzag varint ({@link #unzigzag}). */
  private static void presentLong(ByteArena out, long v) {
    out.write(PRESENT);
    out.writeVarLong((v << 1) ^ (v >> 63));
  }

  private static void nullableString(ByteArena out, String s) {
    if (s == null) {
      out.write(NULL);
    } else {
      out.write(PRESENT);
      string(out, s);
    }
  }

  /** Appends a record's source position, kept with its row so rows can be dropped by position later. */
  static void writePosition(ByteArena out, Position position) {
    string(out, position.toString());
  }

  static Position readPosition(ByteArena.Reader in) {
    return Position.parse(readString(in));
  }

  static void skipPosition(ByteArena.Reader in) {
    in.skip(in.readVarLong());
  }

  /** Reads the next row written for {@code type} (or for an earlier version of it). */
  static Object[] read(ByteArena.Reader in, StructType type) {
    return readStruct(in, type);
  }

  private static void struct(ByteArena out, StructType type, Object[] values) {
    int count = values.length;
    out.writeVarLong(count);
    for (int i = 0; i < count; i++) {
      value(out, type.fields().get(i).type(), values[i]);
    }
  }

  private static void value(ByteArena out, ColumnType type, Object value) {
    if (value == null) {
      out.write(NULL);
      return;
    }
    if (type instanceof PrimitiveType p) {
      switch (p) {
        case LONG, TIMESTAMP -> presentLong(out, (Long) value);
        case DOUBLE -> {
          out.write(PRESENT);
          out.writeLong(Double.doubleToRawLongBits((Double) value));
        }
        case BOOLEAN -> out.write((Boolean) value ? TRUE : FALSE);
        case STRING, JSON -> {
          out.write(PRESENT);
          string(out, (String) value);
        }
      }
      return;
    }
    out.write(PRESENT);
    if (type instanceof StructType s) {
      struct(out, s, (Object[]) value);
    } else if (type instanceof ListType l) {
      List<?> list = (List<?>) value;
      out.writeVarLong(list.size());
      for (Object item : list) {
        value(out, l.element(), item);
      }
    } else {
      Map<?, ?> map = (Map<?, ?>) value;
      out.writeVarLong(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        string(out, (String) e.getKey());
        value(out, ((MapType) type).value(), e.getValue());
      }
    }
  }

  private static void string(ByteArena out, String s) {
    out.writeUtf8(s);
  }

  /** The long a zigzag varint of {@link #value} holds. */
  static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  private static Object[] readStruct(ByteArena.Reader in, StructType type) {
    int count = (int) in.readVarLong();
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      values[i] = readValue(in, type.fields().get(i).type());
    }
    return values;
  }

  private static Object readValue(ByteArena.Reader in, ColumnType type) {
    int marker = in.read();
    if (marker == NULL) {
      return null;
    }
    if (marker == FALSE || marker == TRUE) {
      return marker == TRUE;
    }
    if (type instanceof PrimitiveType p) {
      return switch (p) {
        case LONG, TIMESTAMP -> unzigzag(in.readVarLong());
        case DOUBLE -> Double.longBitsToDouble(in.readLong());
        case STRING, JSON -> readString(in);
        case BOOLEAN -> throw new IllegalStateException("Corrupt buffer: boolean without its value");
      };
    }
    if (type instanceof StructType s) {
      return readStruct(in, s);
    }
    int size = (int) in.readVarLong();
    if (type instanceof ListType l) {
      List<Object> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(readValue(in, l.element()));
      }
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>(Math.max(4, size * 2));
    for (int i = 0; i < size; i++) {
      String key = readString(in);
      map.put(key, readValue(in, ((MapType) type).value()));
    }
    return map;
  }

  private static String readString(ByteArena.Reader in) {
    return in.readUtf8((int) in.readVarLong());
  }
}
