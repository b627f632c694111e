package io.tributary.parquet;

import static io.tributary.parquet.ValueWriter.wrongType;

import io.tributary.buffer.RowCursor;
import io.tributary.schema.PrimitiveType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A primitive column: holds the {@link ColumnChunk} its values go to. */
abstract sealed class LeafWriter extends ValueWriter
    permits LeafWriter.LongWriter, LeafWriter.DoubleWriter, LeafWriter.BooleanWriter, LeafWriter.StringWriter {
  final String path;
  /** The definition level of a present value: the column's maximum. */
  final int d;
  ColumnChunk column;

  LeafWriter(String path, int d) {
    this.path = path;
    this.d = d;
  }

  /** Points this leaf at {@code chunk}, its column's. */
  void bind(ColumnChunk chunk) {
    int max = chunk.descriptor.getMaxDefinitionLevel();
    if (max != d) {
      throw new IllegalStateException("Column " + path + " has definition level " + d + " but Parquet column "
          + String.join(".", chunk.descriptor.getPath()) + " has " + max);
    }
    column = chunk;
  }

  @Override
  public final void writeNull(int r, int nullD) {
    column.writeNull(r, nullD);
  }

  @Override
  public final void collectLeaves(List<LeafWriter> leaves) {
    leaves.add(this);
  }

  /** LONG and TIMESTAMP (microseconds): {@code Long}. */
  static final class LongWriter extends LeafWriter {
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
      ((LongColumn) column).write((long) (Long) value, r);
    }

    @Override
    public void writeFrom(RowCursor in, int r) {
      ((LongColumn) column).write(in.longValue(), r);
    }

    /** Writes {@code value} as a top-level column's value (repetition level 0), unboxed. */
    void writeTopLevel(long value) {
      ((LongColumn) column).write(value, 0);
    }
  }

  /** DOUBLE: {@code Double}. */
  static final class DoubleWriter extends LeafWriter {
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
      ((LongColumn) column).write((double) (Double) value, r);
    }

    @Override
    public void writeFrom(RowCursor in, int r) {
      ((LongColumn) column).write(in.doubleValue(), r);
    }
  }

  /** BOOLEAN: {@code Boolean}. */
  static final class BooleanWriter extends LeafWriter {
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
      ((BooleanColumn) column).write((Boolean) value, r);
    }

    @Override
    public void writeFrom(RowCursor in, int r) {
      ((BooleanColumn) column).write(in.booleanValue(), r);
    }
  }

  /** STRING and JSON (and map keys): {@code String}, written as UTF-8. */
  static final class StringWriter extends LeafWriter {
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
      byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
      ((BinaryColumn) column).write(utf8, 0, utf8.length, r);
    }

    /** The buffer's own UTF-8 bytes, copied once into the page: no {@code String} in between. */
    @Override
    public void writeFrom(RowCursor in, int r) {
      in.string();
      ((BinaryColumn) column).write(in.bytes(), in.offset(), in.length(), r);
    }
  }
}
