package io.tributary.parquet;

import static io.tributary.parquet.ValueWriter.wrongType;

import io.tributary.buffer.RowCursor;
import io.tributary.schema.PrimitiveType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/** A primitive column: holds the Parquet column writer of the row group being written. */
abstract sealed class LeafWriter implements ValueWriter
    permits LeafWriter.LongWriter, LeafWriter.DoubleWriter, LeafWriter.BooleanWriter, LeafWriter.StringWriter {
  final String path;
  /** The definition level of a present value: the column's maximum. */
  final int d;
  ColumnWriter column;

  LeafWriter(String path, int d) {
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
      column.write((Long) value, r, d);
    }

    @Override
    public void writeFrom(RowCursor in, int r) {
      column.write(in.longValue(), r, d);
    }

    /** Writes {@code value} as a top-level column's value (repetition level 0), unboxed. */
    void writeTopLevel(long value) {
      column.write(value, 0, d);
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
      column.write((Double) value, r, d);
    }

    @Override
    public void writeFrom(RowCursor in, int r) {
      column.write(in.doubleValue(), r, d);
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
      column.write((Boolean) value, r, d);
    }

    @Override
    public void writeFrom(RowCursor in, int r) {
      column.write(in.booleanValue(), r, d);
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
      column.write(utf8((String) value), r, d);
    }

    /** The buffer's own UTF-8 bytes, which never change while it lives: no copy, no {@code String}. */
    @Override
    public void writeFrom(RowCursor in, int r) {
      in.string();
      column.write(Binary.fromConstantByteArray(in.bytes(), in.offset(), in.length()), r, d);
    }
  }

  /**
   * A string as an array-backed binary: Parquet's dictionary hashes and compares every value, and does so several
   * times faster on an array than on the {@code ByteBuffer} that {@code Binary.fromString} wraps.
   */
  private static Binary utf8(String value) {
    return Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
  }
}
