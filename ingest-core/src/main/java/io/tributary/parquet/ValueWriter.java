package io.tributary.parquet;

import io.tributary.buffer.RowCursor;
import io.tributary.schema.ColumnType;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.List;

/**
 * Writes the value of one column straight into its {@link ColumnChunk}, with its repetition and definition levels
 * (the Dremel encoding of nesting and nulls) computed here. A tree of these is compiled once per schema, each node
 * knowing its own levels, so the per-row work is virtual calls and casts, with no lookups or switches on the column
 * type, and none of the per-field bookkeeping of Parquet's {@code RecordConsumer}. An abstract class rather than an
 * interface: its calls, several per value, dispatch through the class's table rather than an interface search.
 *
 * <p>Levels follow {@link ParquetSchemas}' layout: every field OPTIONAL (one definition level each), lists as
 * {@code optional group (LIST) { repeated group list { optional element } }} and maps as
 * {@code optional group (MAP) { repeated group key_value { required key; optional value } }} (the repeated group adds
 * a definition and a repetition level, the required key nothing).
 *
 * <p>Rows given as objects are written in two passes, {@link #check} then {@link #write}: each value goes into its
 * column as soon as it is seen, so a row that failed half-way would leave its columns with different row counts and
 * the whole file unreadable. Checking first rejects a bad row before anything is written. Rows read from a buffer
 * ({@link #writeFrom}) were typed when they were buffered and are written in one pass, with no boxed value or
 * {@code String} in between.
 *
 * <p>The nodes: {@link LeafWriter} for primitive columns, {@link StructWriter} for structs and the message,
 * {@link ListWriter} and {@link MapWriter} for the repeated groups.
 */
abstract sealed class ValueWriter permits LeafWriter, StructWriter, ListWriter, MapWriter {

  /**
   * Throws {@link IllegalArgumentException} naming the column path and the expected type when {@code value} (not
   * null) or any value nested in it does not have the Java type {@link ColumnType} prescribes.
   */
  abstract void check(Object value);

  /** Writes {@code value}, not null and already {@link #check checked}, at repetition level {@code r}. */
  abstract void write(Object value, int r);

  /**
   * Writes the present value {@code in} stands on (its marker read) at repetition level {@code r}: a buffered row's
   * value, typed when it was buffered, so nothing is checked.
   */
  abstract void writeFrom(RowCursor in, int r);

  /**
   * Writes a null into every column under this one, at repetition level {@code r} and definition level {@code d}
   * (how deep the value's ancestors are defined).
   */
  abstract void writeNull(int r, int d);

  /** Adds this writer's leaf columns to {@code leaves}, in the order of the Parquet schema's columns. */
  abstract void collectLeaves(List<LeafWriter> leaves);

  /**
   * The writer for values of {@code type}, whose column is called {@code path} in messages, defined at definition
   * level {@code d} when present, inside {@code r} repeated groups.
   */
  static ValueWriter of(ColumnType type, String path, int d, int r) {
    if (type instanceof PrimitiveType primitive) {
      return switch (primitive) {
        case LONG, TIMESTAMP -> new LeafWriter.LongWriter(path, primitive, d);
        case DOUBLE -> new LeafWriter.DoubleWriter(path, d);
        case BOOLEAN -> new LeafWriter.BooleanWriter(path, d);
        case STRING, JSON -> new LeafWriter.StringWriter(path, primitive, d);
      };
    } else if (type instanceof StructType struct) {
      return new StructWriter(path, struct, d, r);
    } else if (type instanceof ListType list) {
      return new ListWriter(path, d, r + 1, of(list.element(), ColumnPaths.element(path), d + 2, r + 1));
    } else if (type instanceof MapType map) {
      return new MapWriter(path, d, r + 1, new LeafWriter.StringWriter(path, PrimitiveType.STRING, d + 1),
          of(map.value(), ColumnPaths.mapValue(path), d + 2, r + 1));
    }
    throw new IllegalStateException("Unhandled column type: " + type);
  }

  /** The exception for a value of the wrong Java type, naming the column and the type it expected. */
  static IllegalArgumentException wrongType(String path, String expected, ColumnType type, Object value) {
    return new IllegalArgumentException("Invalid value for column " + path + ": expected " + expected + " for type "
        + type.typeName() + ", got " + value.getClass().getName());
  }
}
